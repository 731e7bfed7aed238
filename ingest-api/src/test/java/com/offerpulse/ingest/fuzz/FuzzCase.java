package com.offerpulse.ingest.fuzz;

import java.util.List;
import java.util.Map;

/**
 * One generated HTTP request and what a correct ingest API does with it.
 *
 * @param index          position in the run; with the seed it fully determines the request
 * @param category       what kind of bad (or good) input this is, for the summary
 * @param headers        sent as given (no defaults are added beyond Host and the body length)
 * @param chunked        send the body with chunked transfer encoding instead of a Content-Length
 * @param expect         2xx, 4xx, or either
 * @param segmentIds     event ids of the segments this request puts on {@code transcript.segments.v1} when accepted
 * @param eventMarker    the {@code anonymous_id} of the product event this request writes when accepted, or null
 * @param startsSession  when accepted, the answer names a new round (lifecycle + product event)
 */
record FuzzCase(int index, String category, String method, String path, Map<String, String> headers, byte[] body,
        boolean chunked, Expect expect, List<String> segmentIds, String eventMarker, boolean startsSession) {

    enum Expect {
        /** A 2xx answer and exactly the records named above on the topics. */
        ACCEPT,
        /** A 4xx problem and nothing on any topic. */
        REJECT,
        /** Input a lenient reader may take (a BOM, UTF-16): either, as long as the topics match the answer. */
        EITHER
    }

    static FuzzCase reject(int index, String category, String method, String path, Map<String, String> headers,
            byte[] body) {
        return new FuzzCase(index, category, method, path, headers, body, false, Expect.REJECT, List.of(), null, false);
    }
}
