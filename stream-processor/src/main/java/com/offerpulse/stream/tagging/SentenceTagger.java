package com.offerpulse.stream.tagging;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import com.offerpulse.contracts.analytics.SentenceTag;
import com.offerpulse.contracts.analytics.WeakSpan;
import com.offerpulse.contracts.analytics.WeakSpanKind;
import com.offerpulse.stream.tagging.PatternTrie.Lex;
import com.offerpulse.stream.tagging.PatternTrie.Payload;

/**
 * Rule-based, deterministic STAR tagger for one spoken interview sentence: its tag, its weak spans (filler,
 * vague, unsupported claims, each with an actionable hint) and the countable {@link SentenceFeatures} the meters
 * read. Every word list, pattern, weight and hint lives in plain-text resources under {@code tagging/} (see
 * docs/TAGGING.md); this class only holds the rules that combine them.
 *
 * <p>How a sentence is analysed, in one pass over its tokens:
 * <ol>
 *   <li>tokenize once ({@link Tokens}) and give each token its word-class bits ({@link WordClasses});</li>
 *   <li>match every lexicon phrase and pattern at once in a token trie ({@link PatternTrie}): cue phrases of the
 *       five tags, fillers, vague words, hedges, impact claims, evidence;</li>
 *   <li>keep the filler / vague / claim candidates that their section's context rule accepts (e.g. "like" is a
 *       filler in "it was, like, slow" but not in "I like" or "looks like"), resolve overlaps of one kind
 *       (longest first, then leftmost) and turn them into {@link WeakSpan}s; a claim is UNSUPPORTED only when the
 *       sentence has no figure and no example;</li>
 *   <li>score each tag as the sum of its matched cue weights plus derived features (action verbs, impact claims,
 *       a closing question mark, a very short sentence), pick the best with a fixed tie order; when the best score
 *       is below the minimum, a plain past narration ("was", "had", a past verb) of five or more words is CONTEXT and
 *       anything else OTHER; words that do not look like English are always OTHER.</li>
 * </ol>
 *
 * <p>Instances are immutable and thread-safe; {@link #analyze} allocates only per-call state. The same input
 * always gives the same output (no hash-order dependence, no randomness, no clock).
 */
public final class SentenceTagger {

    // Context rules, chosen by the section an entry is in (section names are documented in docs/TAGGING.md).
    static final int RULE_ALWAYS = 0;
    static final int RULE_KIND_OF = 1;
    static final int RULE_LIKE = 2;
    static final int RULE_ACTUALLY = 3;
    static final int RULE_YOU_KNOW = 4;
    static final int RULE_I_MEAN = 5;
    static final int RULE_SOME = 6;
    static final int RULE_MANY = 7;
    static final int RULE_COMPARATIVE = 8;
    static final int RULE_VERB_CLAIM = 9;
    static final int RULE_PHRASE_CLAIM = 10;
    static final int RULE_EXAMPLE = 11;
    static final int RULE_FIGURE = 12;
    static final int RULE_METRIC = 13;
    static final int RULE_CUE = 14;
    static final int RULE_COMPARATIVE_CLAIM = 15;

    /** How many words before an impact claim are searched for a blocker ("would", "to", "not"). */
    static final int CLAIM_LOOK_BACK = 5;

    private static final Object LOCK = new Object();
    private static volatile SentenceTagger shared;

    private final WordClasses classes;
    private final PatternTrie trie;
    private final Plausibility plausibility;
    private final TaggerWeights weights;
    private final String repeatHint;

    // class bits used by the rules
    private final long fpSingular;
    private final long fpPlural;
    private final long passiveAux;
    private final long determiner;
    private final long actionVerb;
    private final long num;
    private final long numberNeedsUnit;
    private final long units;
    private final long pluralIrregular;
    private final long notPlural;
    private final long someBefore;
    private final long objectStop;
    private final long objectTrim;
    private final long claimAdverb;
    private final long claimBlockers;
    private final long claimInfinitive;
    private final long claimAchievement;
    private final long claimWindowStop;
    private final long likeFillerAfter;
    private final long likeNotAfter;
    private final long likeNotBefore;
    private final long likeBeforeNumber;
    private final long kindOfNotAfter;
    private final long youKnowNotAfter;
    private final long youKnowNotBefore;
    private final long iMeanNotAfter;
    private final long actuallyOpener;
    private final long actuallyBefore;
    private final long repeatAllowed;
    private final long manyNotAfter;
    private final long comparativeNotAfter;
    private final long comparativeNotBefore;
    private final long pastState;
    private final long roleVerb;
    private final long rolePlace;
    private final long stepMarker;
    private final long pastVerb;

    private SentenceTagger() {
        classes = new WordClasses();
        LexiconFile grammar = LexiconFile.load("grammar.txt");
        LexiconFile contextRules = LexiconFile.load("context-rules.txt");
        LexiconFile evidence = LexiconFile.load("evidence.txt");
        LexiconFile verbs = LexiconFile.load("action-verbs.txt");
        for (LexiconFile f : List.of(grammar, contextRules)) {
            for (String section : f.sectionNames()) {
                classes.addWords(section, f.section(section));
            }
        }
        classes.addWords("number-word", evidence.requiredSection("number-words"));
        classes.addWords("number-word-needs-unit", evidence.requiredSection("number-words-needing-a-unit"));
        classes.setNumberWordClass("number-word");
        classes.addWords(WordClasses.ACTION_VERB, verbs.all());
        classes.addWords("action-verb-past", verbs.requiredSection("past"));
        classes.addWords("action-verb-present", verbs.requiredSection("present"));

        fpSingular = classes.bit("first-person-singular");
        fpPlural = classes.bit("first-person-plural");
        passiveAux = classes.bit("passive-auxiliary");
        determiner = classes.bit("determiner");
        actionVerb = classes.bit(WordClasses.ACTION_VERB);
        num = classes.bit(WordClasses.NUM);
        numberNeedsUnit = classes.bit("number-word-needs-unit");
        units = classes.bit("units");
        pluralIrregular = classes.bit("plural-irregular");
        notPlural = classes.bit("not-plural");
        someBefore = classes.bit("some-before");
        objectStop = classes.bit("object-stop");
        objectTrim = classes.bit("object-trim");
        claimAdverb = classes.bit("claim-adverb");
        claimBlockers = classes.bit("claim-blockers");
        claimInfinitive = classes.bit("claim-infinitive");
        claimAchievement = classes.bit("claim-achievement");
        claimWindowStop = classes.bit("claim-window-stop");
        likeFillerAfter = classes.bit("like-filler-after");
        likeNotAfter = classes.bit("like-not-after");
        likeNotBefore = classes.bit("like-not-before");
        likeBeforeNumber = classes.bit("like-before-number");
        kindOfNotAfter = classes.bit("kind-of-not-after");
        youKnowNotAfter = classes.bit("you-know-not-after");
        youKnowNotBefore = classes.bit("you-know-not-before");
        iMeanNotAfter = classes.bit("i-mean-not-after");
        actuallyOpener = classes.bit("actually-opener");
        actuallyBefore = classes.bit("actually-before");
        repeatAllowed = classes.bit("repeat-allowed");
        manyNotAfter = classes.bit("many-not-after");
        comparativeNotAfter = classes.bit("comparative-not-after");
        comparativeNotBefore = classes.bit("comparative-not-before");
        pastState = classes.bit("past-state");
        roleVerb = classes.bit("role-verbs");
        rolePlace = classes.bit("role-place");
        stepMarker = classes.bit("step-markers");
        pastVerb = classes.bit("action-verb-past") | classes.bit(WordClasses.ED);

        HintTemplates hints = new HintTemplates(LexiconFile.loadProperties("hints.properties"));
        repeatHint = hints.template(WeakSpanKind.FILLER, "repeat", "repeat");
        weights = TaggerWeights.from(LexiconFile.loadProperties("weights.properties"));
        plausibility = new Plausibility(LexiconFile.load("common-words.txt"));

        trie = new PatternTrie();
        addCues(LexiconFile.load("context-cues.txt"), Lex.CONTEXT);
        addCues(LexiconFile.load("action-cues.txt"), Lex.ACTION);
        addCues(LexiconFile.load("result-cues.txt"), Lex.RESULT);
        addCues(LexiconFile.load("reflection-cues.txt"), Lex.REFLECTION);
        addCues(LexiconFile.load("other-cues.txt"), Lex.OTHER);
        addSpans(LexiconFile.load("fillers.txt"), Lex.FILLER, WeakSpanKind.FILLER, hints);
        addSpans(LexiconFile.load("vague.txt"), Lex.VAGUE, WeakSpanKind.VAGUE, hints);
        addSpans(LexiconFile.load("impact-claims.txt"), Lex.CLAIM, WeakSpanKind.UNSUPPORTED, hints);
        addSpans(LexiconFile.load("hedges.txt"), Lex.HEDGE, null, hints);
        for (String section : List.of("examples", "figures", "metrics")) {
            for (LexiconFile.Entry e : evidence.requiredSection(section)) {
                add(e, Lex.EVIDENCE, ruleOf(Lex.EVIDENCE, section), null);
            }
        }
        classes.freeze(trie, plausibility);
    }

    /**
     * The tagger with the lexicons of {@code tagging/} on the classpath. Loaded once per class loader and shared
     * (it is immutable); a malformed resource fails here with the file and line.
     */
    public static SentenceTagger load() {
        SentenceTagger t = shared;
        if (t == null) {
            synchronized (LOCK) {
                t = shared;
                if (t == null) {
                    t = new SentenceTagger();
                    shared = t;
                }
            }
        }
        return t;
    }

    private void addCues(LexiconFile file, Lex lex) {
        for (LexiconFile.Entry e : file.all()) {
            add(e, lex, RULE_CUE, null);
        }
    }

    private void addSpans(LexiconFile file, Lex lex, WeakSpanKind kind, HintTemplates hints) {
        for (LexiconFile.Entry e : file.all()) {
            String hint = kind == null ? null : hints.template(kind, e.section(), e.phrase());
            add(e, lex, ruleOf(lex, e.section()), hint);
        }
    }

    private void add(LexiconFile.Entry e, Lex lex, int rule, String hint) {
        trie.add(e.phrase(), new Payload(lex, rule, e.section(), e.phrase(), e.weight(), hint), classes, e.source());
    }

    private static int ruleOf(Lex lex, String section) {
        return switch (lex) {
            case FILLER, HEDGE -> switch (section) {
                case "kind-of" -> RULE_KIND_OF;
                case "like-as-filler" -> RULE_LIKE;
                case "actually-as-filler" -> RULE_ACTUALLY;
                case "you-know" -> RULE_YOU_KNOW;
                case "i-mean" -> RULE_I_MEAN;
                default -> RULE_ALWAYS;
            };
            case VAGUE -> switch (section) {
                case "some" -> RULE_SOME;
                case "many" -> RULE_MANY;
                case "comparatives" -> RULE_COMPARATIVE;
                default -> RULE_ALWAYS;
            };
            case CLAIM -> switch (section) {
                case "verb-claims" -> RULE_VERB_CLAIM;
                case "comparative-claims" -> RULE_COMPARATIVE_CLAIM;
                default -> RULE_PHRASE_CLAIM;
            };
            case EVIDENCE -> switch (section) {
                case "examples" -> RULE_EXAMPLE;
                case "figures" -> RULE_FIGURE;
                default -> RULE_METRIC;
            };
            default -> RULE_CUE;
        };
    }

    /** Analyses one sentence (any text; an empty one is OTHER with no spans). */
    public SentenceAnalysis analyze(String sentence) {
        Objects.requireNonNull(sentence, "sentence");
        Tokens t = Tokens.scan(sentence);
        classes.classify(t);
        Matches m = new Matches();
        trie.matchAll(t, m);

        // evidence: numbers (a run of number tokens is one figure), figure phrases, examples, named metrics
        int evidenceCount = 0;
        int support = 0;
        boolean previousNumber = false;
        for (int i = 0; i < t.size; i++) {
            boolean isNumber = t.hasClass(i, num)
                    && (!t.hasClass(i, numberNeedsUnit) || t.hasClass(i + 1, units));
            if (isNumber && !previousNumber) {
                evidenceCount++;
                if (!isYear(t, i)) {
                    support++;
                }
            }
            previousNumber = isNumber;
        }
        int lastEvidenceEnd = -1;
        for (int k = 0; k < m.size; k++) {
            Payload p = m.payload[k];
            if (p.lex() == Lex.EVIDENCE && m.start[k] >= lastEvidenceEnd) {
                evidenceCount++;
                lastEvidenceEnd = m.end[k];
                if (p.rule() != RULE_METRIC) {
                    support++;
                }
            }
        }
        boolean supported = support > 0;

        List<Candidate> fillers = new ArrayList<>();
        List<Candidate> vague = new ArrayList<>();
        List<Candidate> claims = new ArrayList<>();
        List<Candidate> hedges = new ArrayList<>();
        double[] score = new double[SentenceTag.values().length];
        for (int k = 0; k < m.size; k++) {
            Payload p = m.payload[k];
            int s = m.start[k];
            int e = m.end[k];
            switch (p.lex()) {
                case CONTEXT -> score[SentenceTag.CONTEXT.ordinal()] += p.weight();
                case ACTION -> score[SentenceTag.ACTION.ordinal()] += p.weight();
                case RESULT -> score[SentenceTag.RESULT.ordinal()] += p.weight();
                case REFLECTION -> score[SentenceTag.REFLECTION.ordinal()] += p.weight();
                case OTHER -> score[SentenceTag.OTHER.ordinal()] += p.weight();
                case FILLER -> {
                    if (fillerAccepted(t, s, e, p.rule())) {
                        fillers.add(new Candidate(s, e, p));
                    }
                }
                case HEDGE -> {
                    // "roughly 30%", "roughly $30": an approximate figure is honest precision, not a hedge
                    boolean beforeFigure = e - s == 1 && e < t.size && (t.hasClass(e, num) || t.kind[e] == Tokens.NUMBER);
                    if (fillerAccepted(t, s, e, p.rule()) && !beforeFigure) {
                        hedges.add(new Candidate(s, e, p));
                    }
                }
                case VAGUE -> {
                    Candidate c = vagueCandidate(t, s, e, p, supported);
                    if (c != null) {
                        vague.add(c);
                    }
                }
                case CLAIM -> {
                    Candidate c = claimCandidate(t, s, e, p);
                    if (c != null) {
                        claims.add(c);
                    }
                }
                default -> {
                    // evidence handled above
                }
            }
        }
        addRepeats(t, fillers);

        List<WeakSpan> spans = new ArrayList<>();
        List<Candidate> keptFillers = resolve(fillers);
        emit(t, keptFillers, WeakSpanKind.FILLER, spans);
        // repeated-word false starts are FILLER spans but not filler words: the meters count false starts from
        // the text themselves, so counting them here too would count them twice
        int fillerCount = 0;
        for (Candidate c : keptFillers) {
            if (c.payload() != null) {
                fillerCount++;
            }
        }
        int vagueCount = emit(t, resolve(vague), WeakSpanKind.VAGUE, spans);
        List<Candidate> keptClaims = resolve(claims);
        int unsupportedCount = supported ? 0 : emit(t, keptClaims, WeakSpanKind.UNSUPPORTED, spans);
        // a hedge that is already a FILLER span ("kind of") is counted once, as a filler
        int hedgeCount = 0;
        for (Candidate h : resolve(hedges)) {
            if (!overlapsAny(h, keptFillers)) {
                hedgeCount++;
            }
        }
        spans.sort(SPAN_ORDER);

        int wordCount = 0;
        int plausible = 0;
        int singular = 0;
        int plural = 0;
        int actionVerbs = 0;
        for (int i = 0; i < t.size; i++) {
            if (!t.isWord(i)) {
                continue;
            }
            wordCount++;
            if (plausibility.isPlausible(t, i)) {
                plausible++;
            }
            if (t.hasClass(i, fpSingular)) {
                singular++;
            }
            if (t.hasClass(i, fpPlural)) {
                plural++;
            }
            if (t.hasClass(i, actionVerb) && !t.hasClass(i - 1, passiveAux) && !t.hasClass(i - 1, determiner)) {
                actionVerbs++;
            }
        }
        double ratio = wordCount == 0 ? 0.0 : (double) plausible / wordCount;
        SentenceFeatures features = new SentenceFeatures(wordCount, fillerCount, vagueCount, unsupportedCount,
                hedgeCount, evidenceCount, singular, plural, actionVerbs, ratio);

        SentenceTag tag = chooseTag(t, score, features, keptClaims.size());
        return new SentenceAnalysis(sentence, tag, spans, features);
    }

    private SentenceTag chooseTag(Tokens t, double[] score, SentenceFeatures f, int claimCount) {
        if (f.wordCount() == 0 || f.plausibleWordRatio() < weights.gibberishBelowRatio()) {
            return SentenceTag.OTHER;
        }
        score[SentenceTag.ACTION.ordinal()] += weights.perActionVerb() * f.actionVerbCount();
        score[SentenceTag.RESULT.ordinal()] += weights.perClaim() * Math.min(claimCount, weights.maxClaims());
        if (endsWithQuestionMark(t)) {
            score[SentenceTag.OTHER.ordinal()] += weights.questionMark();
        }
        if (isRoleStatement(t)) {
            score[SentenceTag.CONTEXT.ordinal()] += weights.roleStatement();
        }
        if (f.wordCount() <= weights.shortMaxWords()) {
            score[SentenceTag.OTHER.ordinal()] += weights.shortSentence();
        }
        SentenceTag best = SentenceTag.OTHER;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (SentenceTag tag : weights.tieOrder()) {
            if (score[tag.ordinal()] > bestScore) {
                best = tag;
                bestScore = score[tag.ordinal()];
            }
        }
        if (bestScore >= weights.minimumScore()) {
            return best;
        }
        if (f.wordCount() >= weights.contextFallbackMinWords() && !endsWithQuestionMark(t)) {
            for (int i = 0; i < t.size; i++) {
                if (t.hasClass(i, pastState) || t.hasClass(i, pastVerb)) {
                    return SentenceTag.CONTEXT; // a plain description of how things were
                }
            }
        }
        return SentenceTag.OTHER;
    }

    /**
     * "I" within the first four words, directly followed by a remit verb in the past ([role-verbs]), no step marker
     * before it, and a place or remit preposition ([role-place]) after it: the speaker states
     * their role ("I taught Year 9 maths at a comprehensive school"), which sets the scene.
     */
    private boolean isRoleStatement(Tokens t) {
        int words = 0;
        for (int i = 0; i < t.size && words < 4; i++) {
            if (!t.isWord(i)) {
                continue;
            }
            words++;
            if (t.hasClass(i, stepMarker)) {
                return false;
            }
            if (t.hasClass(i, fpSingular) && "i".equals(t.norm[i])) {
                int v = i + 1;
                if (v >= t.size || !t.hasClass(v, roleVerb)) {
                    return false;
                }
                for (int k = v + 1; k < t.size; k++) {
                    if (t.hasClass(k, stepMarker)) {
                        return false;
                    }
                    if (t.hasClass(k, rolePlace)) {
                        return true;
                    }
                }
                return false;
            }
        }
        return false;
    }

    /**
     * Every lexicon entry that matched a sentence, one line each ("RESULT:default 'as a result' 3.0 @As a result"),
     * before context rules: a diagnostic for whoever edits the lexicons.
     */
    List<String> explain(String sentence) {
        Tokens t = Tokens.scan(sentence);
        classes.classify(t);
        Matches m = new Matches();
        trie.matchAll(t, m);
        List<String> out = new ArrayList<>();
        for (int k = 0; k < m.size; k++) {
            Payload p = m.payload[k];
            out.add(p.lex() + ":" + p.section() + " '" + p.phrase() + "' " + p.weight() + " @" + t.surface(m.start[k],
                    m.end[k]));
        }
        return out;
    }

    // ---------------------------------------------------------------- fillers and hedges

    private boolean fillerAccepted(Tokens t, int s, int e, int rule) {
        return switch (rule) {
            case RULE_KIND_OF -> !t.hasClass(s - 1, kindOfNotAfter);
            case RULE_LIKE -> likeIsFiller(t, s);
            case RULE_ACTUALLY -> actuallyIsFiller(t, s);
            case RULE_YOU_KNOW -> !t.hasClass(s - 1, youKnowNotAfter) && !t.hasClass(e, youKnowNotBefore);
            case RULE_I_MEAN -> !t.hasClass(s - 1, iMeanNotAfter);
            default -> true;
        };
    }

    /**
     * "like" is a filler when it is set off (sentence start, or a comma on either side), after a discourse marker
     * or a form of "be"/"have" ("so like", "it was like really slow"), or before an approximate number ("like
     * five teams", "like a hundred"); never after a subject, a modal or a sense verb ("I like", "would like",
     * "looks like", "feel like"), nor before "this"/"that" ("like this").
     */
    private boolean likeIsFiller(Tokens t, int i) {
        int prev = i - 1;
        int next = i + 1;
        if (t.hasClass(prev, likeNotAfter) || t.hasClass(next, likeNotBefore)) {
            return false;
        }
        if (prev < 0 || isComma(t, prev) || isComma(t, next)) {
            return true;
        }
        if (t.hasClass(prev, likeFillerAfter)) {
            return true;
        }
        return t.hasClass(next, num) || (t.hasClass(next, likeBeforeNumber) && t.hasClass(next + 1, num));
    }

    /**
     * "actually" is a filler when it opens the sentence (only openers like "so", "um", "and" before it), is set
     * off by a comma, or props up an intensifier ("actually really slow"); not in "what they actually needed".
     */
    private boolean actuallyIsFiller(Tokens t, int i) {
        boolean opening = true;
        for (int k = 0; k < i; k++) {
            if (!(isComma(t, k) || t.hasClass(k, actuallyOpener))) {
                opening = false;
                break;
            }
        }
        return opening || isComma(t, i - 1) || isComma(t, i + 1) || t.hasClass(i + 1, actuallyBefore);
    }

    /** Repeated words ("I I", "the, the", "ok ok ok") are false starts, except a few legitimate doubles. */
    private void addRepeats(Tokens t, List<Candidate> fillers) {
        int i = 0;
        while (i < t.size) {
            if (t.kind[i] != Tokens.WORD || t.hasClass(i, repeatAllowed)) {
                i++;
                continue;
            }
            int last = i;
            int next = nextRepeat(t, i);
            while (next >= 0) {
                last = next;
                next = nextRepeat(t, last);
            }
            if (last > i) {
                fillers.add(new Candidate(i, last + 1, null));
                i = last + 1;
            } else {
                i++;
            }
        }
    }

    private static int nextRepeat(Tokens t, int i) {
        int j = i + 1;
        if (j < t.size && isComma(t, j)) {
            j++;
        }
        return j < t.size && t.kind[j] == Tokens.WORD && t.norm[j].equals(t.norm[i]) ? j : -1;
    }

    // ---------------------------------------------------------------- vague

    private Candidate vagueCandidate(Tokens t, int s, int e, Payload p, boolean supported) {
        switch (p.rule()) {
            case RULE_SOME -> {
                // "some" + plural noun (possibly after one modifier) or "some of": "some issues", "some legacy reports"
                if (t.hasClass(e, someBefore)) {
                    return new Candidate(s, e + 1, p);
                }
                if (isPlural(t, e)) {
                    return new Candidate(s, e + 1, p);
                }
                if (e < t.size && t.isWord(e) && !t.hasClass(e, objectStop) && isPlural(t, e + 1)) {
                    return new Candidate(s, e + 2, p);
                }
                return null;
            }
            case RULE_MANY -> {
                return t.hasClass(s - 1, manyNotAfter) ? null : new Candidate(s, e, p);
            }
            case RULE_COMPARATIVE -> {
                if (supported || t.hasClass(s - 1, comparativeNotAfter) || t.hasClass(e, comparativeNotBefore)) {
                    return null;
                }
                return new Candidate(s, e, p);
            }
            default -> {
                return new Candidate(s, e, p);
            }
        }
    }

    private boolean isPlural(Tokens t, int i) {
        if (i >= t.size || t.kind[i] != Tokens.WORD) {
            return false;
        }
        if (t.hasClass(i, pluralIrregular)) {
            return true;
        }
        if (t.hasClass(i, notPlural)) {
            return false;
        }
        String w = t.norm[i];
        int n = w.length();
        return n >= 4 && w.charAt(n - 1) == 's' && w.charAt(n - 2) != 's' && w.charAt(n - 2) != 'u'
                && w.charAt(n - 2) != 'i' && w.charAt(n - 2) != '\'';
    }

    // ---------------------------------------------------------------- impact claims

    /**
     * An impact claim ("improved performance", "much faster", "a huge success"), widened to a leading adverb
     * ("significantly reduced"), for verb claims to its object (up to three words, not into a preposition or a
     * new clause) and a trailing adverb ("increased revenue significantly"). Not a claim when hypothetical,
     * intended or negated: a blocker ("would", "want", "not", "if"…) or a bare infinitive "to" within the five
     * words before it (not looking past punctuation or the start of another clause: "it", "we", "which"…),
     * unless the "to" follows "able"/"managed" ("we were able to reduce costs").
     */
    private Candidate claimCandidate(Tokens t, int s, int e, Payload p) {
        if (p.rule() == RULE_COMPARATIVE_CLAIM && t.hasClass(e, comparativeNotBefore)) {
            return null; // "it's better to ask early" is advice, not an outcome
        }
        int start = s;
        while (start > 0 && t.hasClass(start - 1, claimAdverb)) {
            start--;
        }
        for (int k = start - 1; k >= 0 && k >= start - CLAIM_LOOK_BACK; k--) {
            if (!t.isWord(k) || t.hasClass(k, claimWindowStop)) {
                break;
            }
            if (t.hasClass(k, claimBlockers)) {
                return null;
            }
            if (t.hasClass(k, claimInfinitive)) {
                if (t.hasClass(k - 1, claimAchievement)) {
                    break;
                }
                return null;
            }
        }
        int end = e;
        if (p.rule() == RULE_VERB_CLAIM) {
            int limit = Math.min(t.size, e + 3);
            while (end < limit && t.isWord(end) && !t.hasClass(end, objectStop) && !t.hasClass(end, num)
                    && !t.hasClass(end, claimAdverb)) {
                end++;
            }
            while (end > e && t.hasClass(end - 1, objectTrim)) {
                end--;
            }
        }
        if (end < t.size && t.hasClass(end, claimAdverb) && t.norm[end].endsWith("ly")) {
            end++;
        }
        return new Candidate(start, end, p);
    }

    // ---------------------------------------------------------------- spans

    /** A candidate span over tokens {@code [start, end)}; a null payload is a repeated-word false start. */
    private record Candidate(int start, int end, Payload payload) {
    }

    private static final Comparator<Candidate> LONGEST_FIRST =
            Comparator.comparingInt((Candidate c) -> c.start() - c.end()).thenComparingInt(Candidate::start);
    private static final Comparator<Candidate> BY_START = Comparator.comparingInt(Candidate::start);
    private static final Comparator<WeakSpan> SPAN_ORDER = Comparator.comparingInt(WeakSpan::start)
            .thenComparingInt(WeakSpan::end).thenComparing(WeakSpan::kind);

    /** Non-overlapping candidates: longest first, then leftmost, then file order; returned by position. */
    private static List<Candidate> resolve(List<Candidate> candidates) {
        if (candidates.size() <= 1) {
            return candidates;
        }
        List<Candidate> sorted = new ArrayList<>(candidates);
        sorted.sort(LONGEST_FIRST);
        List<Candidate> kept = new ArrayList<>();
        int max = 0;
        for (Candidate c : sorted) {
            max = Math.max(max, c.end());
        }
        boolean[] used = new boolean[max + 1];
        for (Candidate c : sorted) {
            boolean free = true;
            for (int i = c.start(); i < c.end(); i++) {
                if (used[i]) {
                    free = false;
                    break;
                }
            }
            if (free) {
                Arrays.fill(used, c.start(), c.end(), true);
                kept.add(c);
            }
        }
        kept.sort(BY_START);
        return kept;
    }

    private static boolean overlapsAny(Candidate c, List<Candidate> others) {
        for (Candidate o : others) {
            if (o.start() < c.end() && c.start() < o.end()) {
                return true;
            }
        }
        return false;
    }

    private int emit(Tokens t, List<Candidate> kept, WeakSpanKind kind, List<WeakSpan> out) {
        for (Candidate c : kept) {
            String words = t.surface(c.start(), c.end());
            String template = c.payload() == null ? repeatHint : c.payload().hint();
            out.add(new WeakSpan(t.start[c.start()], t.end[c.end() - 1], kind, HintTemplates.render(template, words)));
        }
        return kept.size();
    }

    // ---------------------------------------------------------------- helpers

    private static boolean isComma(Tokens t, int i) {
        return i >= 0 && i < t.size && t.kind[i] == Tokens.PUNCT && t.text.charAt(t.start[i]) == ',';
    }

    private static boolean endsWithQuestionMark(Tokens t) {
        for (int i = t.size - 1; i >= 0; i--) {
            if (t.isWord(i)) {
                return false;
            }
            if (t.text.charAt(t.start[i]) == '?') {
                return true;
            }
        }
        return false;
    }

    /** A bare four-digit year (1900–2099): evidence of detail, but no figure behind an impact claim. */
    private static boolean isYear(Tokens t, int i) {
        String w = t.norm[i];
        return t.kind[i] == Tokens.NUMBER && w.length() == 4 && (w.startsWith("19") || w.startsWith("20"))
                && Character.isDigit(w.charAt(2)) && Character.isDigit(w.charAt(3));
    }

    /** Matches collected from the trie, in trie order (by start token, then pattern length). */
    private static final class Matches implements PatternTrie.Sink {
        int size;
        int[] start = new int[16];
        int[] end = new int[16];
        Payload[] payload = new Payload[16];

        @Override
        public void match(int s, int e, Payload p) {
            if (size == start.length) {
                start = Arrays.copyOf(start, size * 2);
                end = Arrays.copyOf(end, size * 2);
                payload = Arrays.copyOf(payload, size * 2);
            }
            start[size] = s;
            end[size] = e;
            payload[size] = p;
            size++;
        }
    }
}
