package io.camunda.zeebe.process.test.engine;

import io.camunda.security.auth.BrokerRequestAuthorizationConverter;
import io.camunda.security.configuration.SecurityConfiguration;
import io.camunda.search.clients.SearchClientsProxy;
import io.camunda.zeebe.db.ZeebeDb;
import io.camunda.zeebe.engine.Engine;
import io.camunda.zeebe.engine.EngineConfiguration;
import io.camunda.zeebe.engine.processing.EngineProcessors;
import io.camunda.zeebe.engine.processing.message.command.SubscriptionCommandSender;
import io.camunda.zeebe.logstreams.log.LogStream;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.ZbColumnFamilies;
import io.camunda.zeebe.scheduler.ActorScheduler;
import io.camunda.zeebe.scheduler.clock.ControlledActorClock;
import io.camunda.zeebe.stream.impl.ControllableStreamClockImpl;
import io.camunda.zeebe.stream.impl.StreamProcessor;
import io.camunda.zeebe.util.FeatureFlags;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;

/**
 * Builds the embedded engine of {@code zeebe-process-test-engine} as its {@link EngineFactory} does, with two parts
 * of its own: the state store is given by the caller ({@code org.imrflow.engine.EngineStateStore}) instead of the
 * library's, whose prefix iterations copy and scan the whole state, and the log ({@link CompactingLogStorage}) drops
 * what the engine has processed once it holds more than a limit instead of keeping every record for ever. It lives in
 * the library's package because the parts it assembles (the gateway, the job streamer, the idle monitor) are visible
 * only there; it and its log are the only classes of imrflow here.
 */
public final class EmbeddedEngineFactory {

    private static final int PARTITION_ID = 1;
    private static final int PARTITION_COUNT = 1;

    private EmbeddedEngineFactory() {
    }

    /**
     * An engine whose gateway listens on {@code port}, with its state in {@code state}, whose log keeps what has been
     * processed while it holds at most {@code logRetainedBytes}; not started. The log's size and what it dropped are
     * gauged in {@code meters} ({@code imr.engine.log.held}, {@code imr.engine.log.dropped}, in bytes).
     */
    public static ZeebeTestEngine create(int port, ZeebeDb<ZbColumnFamilies> state, long logRetainedBytes,
                                         MeterRegistry meters) {
        ControlledActorClock clock = new ControlledActorClock();
        ActorScheduler scheduler = ActorScheduler.newActorScheduler().setActorClock(clock).build();
        scheduler.start();

        CompactingLogStorage logStorage = new CompactingLogStorage(logRetainedBytes,
                task -> Thread.ofVirtual().name("engine-log-compaction").start(task));
        Gauge.builder("imr.engine.log.held", logStorage, CompactingLogStorage::heldBytes).baseUnit("bytes")
                .description("the embedded engine's log in memory").register(meters);
        FunctionCounter.builder("imr.engine.log.dropped", logStorage, CompactingLogStorage::droppedBytes)
                .baseUnit("bytes").description("records of the embedded engine's log dropped once processed")
                .register(meters);
        LogStream logStream = LogStream.builder()
                .withPartitionId(PARTITION_ID)
                .withLogStorage(logStorage)
                .withClock(clock)
                .withMeterRegistry(new SimpleMeterRegistry())
                .build();

        CommandWriter commandWriter = new CommandWriter(logStream.newLogStreamWriter());
        CommandSender commandSender = new CommandSender(commandWriter);
        GatewayRequestStore requests = new GatewayRequestStore();
        InMemoryJobStreamer jobStreamer = new InMemoryJobStreamer(commandWriter);
        GrpcToLogStreamGateway gateway = new GrpcToLogStreamGateway(
                commandWriter, PARTITION_ID, PARTITION_COUNT, port, requests, jobStreamer);
        Server grpcServer = ServerBuilder.forPort(port).addService(gateway).build();

        SecurityConfiguration security = new SecurityConfiguration();
        security.getAuthorizations().setEnabled(false);
        StreamProcessor streamProcessor = StreamProcessor.builder()
                .logStream(logStream)
                .zeebeDb(state)
                .commandResponseWriter(new GrpcResponseWriter(gateway, requests, null))
                .partitionCommandSender(commandSender)
                .recordProcessors(List.of(new Engine(
                        context -> EngineProcessors.createEngineProcessors(
                                context,
                                PARTITION_COUNT,
                                new SubscriptionCommandSender(context.getPartitionId(), commandSender),
                                commandSender,
                                FeatureFlags.createDefault(),
                                jobStreamer,
                                SearchClientsProxy.noop(),
                                new BrokerRequestAuthorizationConverter(security)),
                        new EngineConfiguration(),
                        security)))
                .actorSchedulingService(scheduler)
                .clock(new ControllableStreamClockImpl(clock))
                .meterRegistry(new SimpleMeterRegistry())
                .build();
        logStorage.compactUpTo(streamProcessor::getLastProcessedPositionAsync);

        return new InMemoryEngine(
                grpcServer,
                streamProcessor,
                gateway,
                state,
                logStream,
                scheduler,
                new RecordStreamSourceImpl(logStream.newLogStreamReader(), PARTITION_ID),
                clock,
                new EngineStateMonitor(logStorage, streamProcessor));
    }
}
