package org.imrflow.engine;

import io.grpc.InsecureServerCredentials;
import io.grpc.ServerBuilder;
import io.grpc.ServerCredentials;
import io.grpc.ServerProvider;
import io.grpc.netty.NettyServerBuilder;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Binds gRPC servers created with {@code ServerBuilder.forPort(port)} to the loopback interface.
 *
 * <p>The embedded engine builds its gRPC gateway with {@code ServerBuilder.forPort}, which listens on every
 * interface, without authentication and in plain text. This provider outranks the default Netty provider, so
 * that gateway is reachable from this host only. The application runs no other gRPC server.
 */
public class LoopbackGrpcServerProvider extends ServerProvider {

    @Override
    protected boolean isAvailable() {
        return true;
    }

    @Override
    protected int priority() {
        return 10; // the Netty provider's is 5
    }

    @Override
    protected ServerBuilder<?> builderForPort(int port) {
        return NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    }

    @Override
    protected NewServerBuilderResult newServerBuilderForPort(int port, ServerCredentials credentials) {
        if (!(credentials instanceof InsecureServerCredentials)) {
            return NewServerBuilderResult.error("only plain-text loopback servers are supported");
        }
        return NewServerBuilderResult.serverBuilder(builderForPort(port));
    }
}
