package com.offerpulse.launcher;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;

import com.offerpulse.ingest.IngestApiModule;
import com.offerpulse.query.QueryApiModule;
import com.offerpulse.realtime.RealtimeWsModule;
import com.offerpulse.stream.StreamProcessorModule;

/** Every service module in one application context and one Netty server. */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(basePackageClasses = OfferPulseApplication.class)
@Import({IngestApiModule.class, StreamProcessorModule.class, QueryApiModule.class, RealtimeWsModule.class})
public class OfferPulseApplication {
}
