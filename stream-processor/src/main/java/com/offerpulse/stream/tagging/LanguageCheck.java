package com.offerpulse.stream.tagging;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * Is a sentence English? (docs/TAGGING.md, "Language"). Only English is scored for now: the lexicons and rules are
 * English, so a sentence in another language would be scored on noise.
 *
 * <p>Apache OpenNLP's language detector (model langdetect-183, 103 languages, shipped in a Maven jar and loaded from
 * the classpath once) decides, with two guards measured on the labelled sets: a sentence of fewer than
 * {@link #MIN_WORDS} words is not judged (too little text for any detector: "Thanks." stays English), and a
 * sentence the detector calls non-English but whose words are at least {@link #ENGLISH_FUNCTION_SHARE} English
 * function words stays English (the detector errs on short English sentences full of names and jargon), and so does
 * a verdict below {@link #MIN_CONFIDENCE} (made-up words are gibberish, not a language). Text in
 * another script (Chinese, Cyrillic, Arabic...) is not English without asking the model.
 */
public final class LanguageCheck {

    /** Sentences shorter than this are not judged. */
    public static final int MIN_WORDS = 4;
    /** Share of English function words that keeps a sentence English whatever the detector says. */
    public static final double ENGLISH_FUNCTION_SHARE = 0.30;
    /**
     * The detector's confidence below which a non-English verdict is not trusted. Measured: real Spanish, German,
     * French and Latin sentences of 8+ words get 0.05–0.09, keyboard mash and made-up words 0.018–0.024 (which the
     * plausibility check of the meters handles as gibberish, not as another language).
     */
    public static final double MIN_CONFIDENCE = 0.035;

    private static final Pattern WORD = Pattern.compile("\\p{L}+");
    private static final String MODEL = "/langdetect-183.bin";
    private static volatile LanguageDetectorModel model;

    private static final ThreadLocal<LanguageDetectorME> DETECTOR = ThreadLocal
            .withInitial(() -> new LanguageDetectorME(model()));

    private LanguageCheck() {
    }

    /** False only when the sentence is judged to be in another language. */
    public static boolean isEnglish(String sentence) {
        if (sentence == null || sentence.isBlank()) {
            return true;
        }
        int letters = 0;
        int latin = 0;
        for (int i = 0; i < sentence.length(); i++) {
            char c = sentence.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                if (Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN) {
                    latin++;
                }
            }
        }
        if (letters > 0 && latin * 2 < letters) {
            return false;
        }
        Matcher m = WORD.matcher(sentence);
        int words = 0;
        int function = 0;
        Substance substance = Substance.get();
        while (m.find()) {
            words++;
            if (substance.isFunctionWord(m.group().toLowerCase(Locale.ROOT))) {
                function++;
            }
        }
        if (words < MIN_WORDS || (double) function / words >= ENGLISH_FUNCTION_SHARE) {
            // Too short to judge, or English by its function words whatever the detector would say: the detector
            // (about 0.2 ms a sentence) runs only on the rest, so ordinary English speech costs microseconds.
            return true;
        }
        Language best = DETECTOR.get().predictLanguage(sentence);
        return "eng".equals(best.getLang()) || best.getConfidence() < MIN_CONFIDENCE;
    }

    private static LanguageDetectorModel model() {
        LanguageDetectorModel m = model;
        if (m == null) {
            synchronized (LanguageCheck.class) {
                m = model;
                if (m == null) {
                    try (InputStream in = LanguageCheck.class.getResourceAsStream(MODEL)) {
                        if (in == null) {
                            throw new IllegalStateException("language model " + MODEL + " is not on the classpath");
                        }
                        m = new LanguageDetectorModel(in);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    model = m;
                }
            }
        }
        return m;
    }
}
