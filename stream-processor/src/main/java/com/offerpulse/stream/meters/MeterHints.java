package com.offerpulse.stream.meters;

import static com.offerpulse.stream.meters.MeterConstants.*;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The live hints: every candidate hint gets a priority = base x severity (severity 0..1 from the state); those
 * reaching {@link MeterConstants#MIN_HINT_PRIORITY} are shown, highest priority first (ties: the order of
 * {@link Hint}), at most {@link MeterConstants#MAX_HINTS}.
 */
public final class MeterHints {

    /** Every hint the meters can give, with its base priority; declaration order breaks ties. */
    public enum Hint {
        NOT_ENGLISH(200, "Only English answers are scored for now: this answer was not scored."),
        NO_SUBSTANCE(95, "Say what actually happened: the system, the people, the problem and what you did. "
                + "Cue words and bare figures don't count as content."),
        WE_ONLY(92, "You only said \"we\": an interviewer can't tell what you did yourself. "
                + "Say \"I\" for your own part."),
        START(70, "Start with one sentence of context, then say what you did, the result and what you learned."),
        GIBBERISH(100, "Parts of your answer weren't recognisable words: speak clearly and check your microphone."),
        REPEAT(90, "You said the same sentence again: move the story forward instead of repeating it."),
        RESULT_NEEDS_FIGURE(85, "Put a number on your result: a percentage, time saved, money or users."),
        ADD_CONTEXT(80, "Open with one sentence of context: the situation and what was at stake."),
        ADD_ACTION(80, "Say what you did yourself: \"I built\", \"I led\", \"I decided\"."),
        ADD_RESULT(80, "Finish with the result: what changed, with a number (%, time, money or users)."),
        ADD_REFLECTION(80, "Close with one sentence on what you learned or would do differently."),
        UNSUPPORTED(80, "Back up claims like \"it was a huge success\" with a figure or a concrete example."),
        TOO_MUCH_CONTEXT(75, "Cut the background short and get to what you did."),
        KEEP_GOING(70, "Keep going: tell the whole story, from what you did to the result and what you learned."),
        FILLERS(70, "Pause instead of saying \"um\", \"like\" or \"you know\"."),
        VAGUE(65, "Swap vague words (stuff, things, a lot) for the specific system, team or number."),
        DRIFT(60, "Your answer is getting looser toward the end: wrap up with a crisp result."),
        SAY_I(60, "Say \"I\" for what you did yourself; keep \"we\" for the team's part."),
        HEDGES(60, "Drop hedges like \"I think\" or \"maybe\": state what you did."),
        LONG_SENTENCES(55, "Break long sentences up: one idea per sentence."),
        OFF_TOPIC(55, "Stay on the question: drop side remarks that aren't part of the story."),
        FALSE_STARTS(50, "Slow down and finish each sentence before starting the next one.");

        private final double base;
        private final String text;

        Hint(double base, String text) {
            this.base = base;
            this.text = text;
        }

        public double base() {
            return base;
        }

        public String text() {
            return text;
        }
    }

    /** A hint with its priority for this state. */
    public record Scored(Hint hint, double severity, double priority) {
    }

    private MeterHints() {
    }

    public static List<String> of(MeterState s, MeterBreakdown b) {
        List<String> out = new ArrayList<>(MAX_HINTS);
        for (Scored scored : ranked(s, b)) {
            if (out.size() == MAX_HINTS) {
                break;
            }
            out.add(scored.hint().text());
        }
        return List.copyOf(out);
    }

    /** Every hint whose priority reaches the threshold, most useful first. */
    public static List<Scored> ranked(MeterState s, MeterBreakdown b) {
        List<Scored> all = new ArrayList<>();
        if (s.sentenceCount() == 0) {
            all.add(new Scored(Hint.START, 1.0, Hint.START.base()));
            return all;
        }
        if (b.notEnglish()) {
            // Nothing else was scored: any other hint would be about noise.
            all.add(new Scored(Hint.NOT_ENGLISH, 1.0, Hint.NOT_ENGLISH.base()));
            return all;
        }
        double spoken = Math.max(1, s.spokenWords());
        double unique = Math.max(1, s.uniqueWords());
        double uniqueSentences = Math.max(1, s.uniqueSentences());

        consider(all, Hint.NO_SUBSTANCE, 1.0 - b.substance());
        consider(all, Hint.WE_ONLY, b.weOnly() ? 1.0 : 0.0);
        consider(all, Hint.GIBBERISH, Math.min(1.0, 3.0 * b.gibberish()));
        consider(all, Hint.REPEAT, s.repeatedSentences() > 0 ? Math.min(1.0, 0.5 + 2.0 * b.repeatShare()) : 0.0);
        if (s.resultSentences() > 0) {
            consider(all, Hint.RESULT_NEEDS_FIGURE, 1.0 - b.quantified());
        }
        // One STAR hint at a time: the earliest missing part, in the order Context, Action, Result, Reflection.
        if (s.contextSentences() == 0) {
            consider(all, Hint.ADD_CONTEXT, 0.6);
        } else if (s.actionSentences() == 0) {
            consider(all, Hint.ADD_ACTION, 0.9);
        } else if (s.resultSentences() == 0) {
            consider(all, Hint.ADD_RESULT, 1.0);
        } else if (s.reflectionSentences() == 0) {
            consider(all, Hint.ADD_REFLECTION, 0.5);
        }
        consider(all, Hint.UNSUPPORTED, Math.min(1.0, IMPACT_UNSUPPORTED_SCALE * s.unsupported() / uniqueSentences));
        if (s.contextSentences() >= 3) {
            double contextShare = s.contextSentences() / uniqueSentences;
            consider(all, Hint.TOO_MUCH_CONTEXT, contextShare > 0.5 ? contextShare : 0.0);
        }
        consider(all, Hint.KEEP_GOING, Math.max(0.0, 1.0 - s.uniqueWords() / KEEP_GOING_WORDS));
        consider(all, Hint.FILLERS, Math.min(1.0, 10.0 * s.fillers() / spoken));
        consider(all, Hint.VAGUE, Math.min(1.0, 15.0 * s.vague() / unique));
        consider(all, Hint.DRIFT, Math.min(1.0, 10.0 * b.drift()));
        int i = s.firstPersonSingular();
        int we = s.firstPersonPlural();
        consider(all, Hint.SAY_I, we > i && !b.weOnly() ? (double) we / (i + we) : 0.0);
        consider(all, Hint.HEDGES, Math.min(1.0, 15.0 * s.hedges() / spoken));
        consider(all, Hint.LONG_SENTENCES, Math.min(1.0, 3.0 * b.excessShare()));
        consider(all, Hint.OFF_TOPIC, Math.min(1.0, 2.0 * b.offTopicShare()));
        consider(all, Hint.FALSE_STARTS, Math.min(1.0, 15.0 * s.falseStarts() / spoken));

        all.sort(Comparator.comparingDouble(Scored::priority).reversed()
                .thenComparing(sc -> sc.hint().ordinal()));
        return List.copyOf(all);
    }

    private static void consider(List<Scored> all, Hint hint, double severity) {
        double priority = hint.base() * severity;
        if (priority >= MIN_HINT_PRIORITY) {
            all.add(new Scored(hint, severity, priority));
        }
    }
}
