package com.offerpulse.tools.replay;

/** {@code java -jar replay.jar --help}: the analysts' entry point. Exit status as documented in the usage text. */
public final class ReplayCli {
    static final int IDENTICAL = 0;
    static final int DIFFERENT = 1;
    static final int USAGE = 2;
    static final int FAILED = 3;

    private ReplayCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        ReplayOptions options;
        try {
            options = ReplayOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("replay: " + e.getMessage());
            System.err.println("Try --help.");
            return USAGE;
        }
        Replay replay = new Replay(System.out);
        try {
            return switch (options.command()) {
                case HELP -> {
                    System.out.print(ReplayOptions.USAGE);
                    yield IDENTICAL;
                }
                case LIST -> {
                    replay.list(options.bootstrap());
                    yield IDENTICAL;
                }
                case CLEANUP -> {
                    replay.cleanup(options.bootstrap(), options.runId());
                    yield IDENTICAL;
                }
                case RUN -> replay.run(options).identical() ? IDENTICAL : DIFFERENT;
            };
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("replay: " + e.getMessage());
            return e instanceof IllegalArgumentException ? USAGE : FAILED;
        } catch (Exception e) {
            System.err.println("replay failed: " + e);
            e.printStackTrace(System.err);
            return FAILED;
        }
    }
}
