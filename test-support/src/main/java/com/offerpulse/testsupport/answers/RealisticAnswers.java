package com.offerpulse.testsupport.answers;

import java.util.List;

/** Three answers written for the project, chunked the way a browser streams them (sentences may span chunks). */
public final class RealisticAnswers {
    private RealisticAnswers() {
    }

    /** A strong STAR answer: clear context, owned actions, quantified result, a lesson. */
    public static final List<String> STRONG = List.of(
            "At my last company I was the tech lead for checkout, and our payment page had a 4% error rate",
            "during peak sales. My goal was to get it under 1% before Black Friday, which was six weeks away.",
            "I pulled three months of error logs and found that 70% of failures came from one retry bug in the card",
            "tokenizer. I wrote a fix, added contract tests against the provider's sandbox, and rolled it out behind a",
            "feature flag to 5% of traffic first.",
            "I also set up a dashboard so the on-call engineer could see the error rate by card type.",
            "As a result the error rate dropped from 4% to 0.6% in two weeks, and Black Friday revenue was up 18% year",
            "over year.",
            "What I learned is to measure before I fix anything, and I now start every incident review with the data.");

    /** A rambling, filler-heavy answer with a result buried in it. */
    public static final List<String> RAMBLING = List.of(
            "Um, so, yeah, so basically there was this, like, project, you know, and it was kind of a mess, um,",
            "and I mean we were sort of, like, trying to figure out, uh, what to do with it and stuff.",
            "So, um, basically I, I, I talked to some people, and, uh, you know, we kind of decided to, like, do",
            "some things differently, I guess, and, um, it was, like, a whole thing.",
            "And, uh, then there was also this other thing with the, um, the database, which, like, basically",
            "was kind of slow, you know, and so we, um, we sort of looked at that too, I think.",
            "And, um, yeah, in the end it was, like, fine, I guess, it worked out, sort of.",
            "Um, so yeah, that's, like, basically it, I think.");

    /** Vague and unsupported: big claims, no figures, no specifics. */
    public static final List<String> VAGUE = List.of(
            "In my previous role we had various issues with the platform and things were not great.",
            "We worked on a lot of stuff to make it better and improved performance significantly.",
            "I helped with several things across the team and we did various improvements.",
            "It had a huge impact on the business and customers were much happier.",
            "Overall it was very successful and we increased revenue.");
}
