package com.offerpulse.stream.meters;

import static com.offerpulse.stream.meters.Say.action;
import static com.offerpulse.stream.meters.Say.all;
import static com.offerpulse.stream.meters.Say.context;
import static com.offerpulse.stream.meters.Say.other;
import static com.offerpulse.stream.meters.Say.reflection;
import static com.offerpulse.stream.meters.Say.result;

import java.util.List;

import com.offerpulse.stream.tagging.SentenceAnalysis;

/** Whole answers to "Tell me about a time you fixed a hard problem", tagged by hand the way the tagger would. */
public final class Answers {

    private Answers() {
    }

    /** A crisp STAR answer with figures, first person, no fillers. */
    public static List<SentenceAnalysis> strong() {
        return all(
                context("Last year I was the tech lead for checkout at a 40-person online retailer, and payment "
                        + "failures had climbed to 6% of orders.").i(1).evidence(2),
                context("Every failed payment cost about $30 in lost revenue, so the CEO asked me to fix it within "
                        + "one quarter.").i(1).evidence(2),
                action("I analysed two weeks of gateway logs and found that 70% of failures came from expired card "
                        + "tokens.").i(1).actions(1).evidence(2),
                action("I designed a retry service that refreshed tokens before charging, and I wrote the rollout "
                        + "plan with our SRE team.").i(2).we(1).actions(2),
                action("I led three engineers through the build and we shipped it behind a feature flag in five "
                        + "weeks.").i(1).we(1).actions(2).evidence(2),
                result("Payment failures dropped from 6% to 1.5% within a month, which recovered about $120,000 in "
                        + "monthly revenue.").evidence(3),
                result("Support tickets about payments fell by 40%, and two other teams now use the retry service.")
                        .evidence(2),
                reflection("I learned to measure the root cause before building anything, and I now start every "
                        + "project with a data review.").i(2).actions(1));
    }

    /** Long, filler-heavy, wandering, getting looser toward the end. */
    public static List<SentenceAnalysis> rambling() {
        return all(
                context("So, um, basically at my last job we had this, like, project where the reporting system was "
                        + "kind of slow and people were, you know, not really happy about it.")
                        .fillers(4).hedges(1).i(1).we(1),
                other("And actually that company was in a really interesting space, they did a lot of things with "
                        + "logistics and my manager at the time was a great guy who had been there for years.")
                        .fillers(1).vague(1).i(1),
                action("So I, I kind of started looking at the, um, queries and stuff and I think we- we sort of "
                        + "figured out that, like, some of them were maybe not using the indexes.")
                        .fillers(3).hedges(3).vague(1).i(2).we(2).actions(1),
                action("Um, and then we, uh, basically rewrote a bunch of the queries and, you know, added some "
                        + "caching and things like that.")
                        .fillers(4).vague(2).we(1).actions(1),
                other("Which, honestly, was kind of a pain, because the, uh, codebase was, like, really old and "
                        + "nobody really, um, knew how it all worked, and there was this one guy, uh, who kept, like, "
                        + "pushing back on everything.")
                        .fillers(6).hedges(1),
                result("And, um, yeah, it got, like, a lot faster, I think, and people were, you know, pretty happy "
                        + "with it in the end.")
                        .fillers(4).hedges(1).vague(1).unsupported(1).i(1),
                other("Um, so, yeah, I mean, it was, like, a good experience overall, you know, and, uh, I learned, "
                        + "like, a lot of stuff about databases and, um, stuff like that, basically.")
                        .fillers(10).vague(2).i(2),
                reflection("I guess, um, like, if I did it again I would, uh, maybe, you know, talk to people earlier "
                        + "or something, I don't know.")
                        .fillers(4).hedges(3).vague(1).i(4));
    }

    /** Fluent and well ordered, but vague, "we"-heavy and unsupported. */
    public static List<SentenceAnalysis> vague() {
        return all(
                context("We were working on a big project to improve things for our customers.").vague(1).we(2),
                context("There were various issues with the platform and the team had a lot of challenges.").vague(2),
                action("We worked together to fix the problems and improve the process.").vague(1).we(1).actions(1),
                action("I helped with some of the stuff around the backend.").vague(2).i(1),
                result("In the end it was a huge success and the customers loved it.").unsupported(2),
                result("It made a big difference for the business.").unsupported(1),
                reflection("I think we learned a lot from it.").hedges(1).vague(1).i(1).we(1));
    }

    /** The five-sentence answer walked through in docs/METERS.md. */
    public static List<SentenceAnalysis> workedExample() {
        return all(
                context("Our mobile app took eight seconds to start, and reviews were dropping.").we(1).evidence(1),
                action("I profiled the startup path and found three blocking network calls.").i(1).actions(1)
                        .evidence(1),
                action("Um, I moved them to a background queue and, like, we cached the config.")
                        .fillers(2).i(1).we(1).actions(1),
                result("Startup time fell to two seconds and the rating rose from 3.1 to 4.4 stars.").evidence(2),
                reflection("I learned to measure before optimising.").i(1));
    }
}
