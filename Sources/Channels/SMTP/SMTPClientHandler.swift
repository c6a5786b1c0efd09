import NIOCore
import NIOSSL

/// One command for the connection: bytes to send (none for the greeting) and where to deliver the reply.
struct SMTPRequest: Sendable {
    var payload: ByteBuffer?
    var reply: EventLoopPromise<SMTPReply>
    var timeout: TimeAmount
}

/// What the pool tells a connection's handler.
enum SMTPConnectionEvent: Sendable {
    /// The connection now waits in the pool: say QUIT after the idle timeout.
    case park
    /// Say QUIT and close now, without waiting for the answer.
    case quit
}

/// Pairs each request with the next reply, fails what waits when the connection breaks, closes the connection when a reply
/// is late, and says `QUIT` when parked for `idleTimeout` without a request.
final class SMTPClientHandler: ChannelDuplexHandler {
    typealias InboundIn = SMTPReply
    typealias OutboundIn = SMTPRequest
    typealias OutboundOut = ByteBuffer

    private struct Waiting {
        var reply: EventLoopPromise<SMTPReply>
        var timeout: Scheduled<Void>?
    }

    private let idleTimeout: TimeAmount
    private let failures: SMTPFailureRecord
    private var waiting = CircularBuffer<Waiting>()
    private var unclaimed = CircularBuffer<SMTPReply>()
    private var failure: SMTPTransportError?
    private var idleTask: Scheduled<Void>?

    init(idleTimeout: TimeAmount, failures: SMTPFailureRecord) {
        self.idleTimeout = idleTimeout
        self.failures = failures
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let request = unwrapOutboundIn(data)
        idleTask?.cancel()
        idleTask = nil
        if let failure {
            request.reply.fail(failure)
            promise?.fail(failure)
            return
        }
        if let early = unclaimed.popFirst() {
            if request.payload == nil {
                request.reply.succeed(early)
                promise?.succeed()
                return
            }
            fail(context: context, with: .unexpectedReply(early.description))
            request.reply.fail(SMTPTransportError.unexpectedReply(early.description))
            promise?.fail(SMTPTransportError.unexpectedReply(early.description))
            return
        }
        let timeout = context.eventLoop.assumeIsolated().scheduleTask(in: request.timeout) { [weak self] in
            guard let self else { return }
            self.fail(context: context, with: .timeout)
        }
        waiting.append(Waiting(reply: request.reply, timeout: timeout))
        if let payload = request.payload {
            context.writeAndFlush(wrapOutboundOut(payload), promise: promise)
        } else {
            promise?.succeed()
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let reply = unwrapInboundIn(data)
        guard let next = waiting.popFirst() else {
            unclaimed.append(reply)
            return
        }
        next.timeout?.cancel()
        next.reply.succeed(reply)
    }

    func triggerUserOutboundEvent(context: ChannelHandlerContext, event: Any, promise: EventLoopPromise<Void>?) {
        guard let event = event as? SMTPConnectionEvent else {
            context.triggerUserOutboundEvent(event, promise: promise)
            return
        }
        promise?.succeed()
        if event == .quit {
            quitWhenIdle(context: context)
            return
        }
        idleTask?.cancel()
        idleTask = nil
        if waiting.isEmpty, failure == nil {
            idleTask = context.eventLoop.assumeIsolated().scheduleTask(in: idleTimeout) { [weak self] in
                guard let self else { return }
                self.quitWhenIdle(context: context)
            }
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        fail(context: context, with: .closed)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        fail(context: context, with: Self.transportError(error))
    }

    private func quitWhenIdle(context: ChannelHandlerContext) {
        guard waiting.isEmpty, failure == nil else { return }
        failure = .closed
        failures.record(.closed)
        context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: "QUIT\r\n")), promise: nil)
        context.close(promise: nil)
    }

    private func fail(context: ChannelHandlerContext, with error: SMTPTransportError) {
        idleTask?.cancel()
        idleTask = nil
        let isFirst = failure == nil
        if isFirst {
            failure = error
            failures.record(error)
        }
        while let entry = waiting.popFirst() {
            entry.timeout?.cancel()
            entry.reply.fail(error)
        }
        if isFirst { context.close(promise: nil) }
    }

    static func transportError(_ error: any Error) -> SMTPTransportError {
        switch error {
        case let error as SMTPTransportError: error
        case let error as NIOSSLError: .tls(String(describing: error))
        case let error as BoringSSLError: .tls(String(describing: error))
        case let error as NIOSSLExtraError: .tls(String(describing: error))
        case ChannelError.ioOnClosedChannel, ChannelError.alreadyClosed, ChannelError.eof: .closed
        default: .io(String(describing: error))
        }
    }
}
