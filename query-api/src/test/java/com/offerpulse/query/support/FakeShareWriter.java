package com.offerpulse.query.support;

import java.util.List;

import com.offerpulse.platform.kafka.OutboundRecord;
import com.offerpulse.query.share.ShareWriter;
import com.offerpulse.testsupport.kafka.FakeRecordWriter;

import reactor.core.publisher.Mono;

/** The shared fake writer behind the share feature's own writer type. */
public class FakeShareWriter extends FakeRecordWriter implements ShareWriter {
    @Override
    public Mono<Void> write(List<OutboundRecord> records) {
        return writeAll(records);
    }
}
