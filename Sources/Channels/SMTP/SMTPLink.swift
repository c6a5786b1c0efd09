import NIOCore
import Synchronization

/// The first transport failure a connection's handler saw, readable from any thread: a command written after the
/// handler closed the channel fails with that cause (TLS, timeout) rather than with a bare "closed".
final class SMTPFailureRecord: Sendable {
    private let first = Mutex<SMTPTransportError?>(nil)

    func record(_ error: SMTPTransportError) {
        first.withLock { value in
            if value == nil { value = error }
        }
    }

    var error: SMTPTransportError? { first.withLock { $0 } }
}

/// A channel with an `SMTPClientHandler` at its end: sends commands and awaits their replies.
struct SMTPLink: Sendable {
    let channel: any NIOCore.Channel
    let failures: SMTPFailureRecord
    let settings: SMTPSettings

    /// Sends one command line (CRLF added) or, with nil, waits for an unprompted reply (the greeting).
    func exchange(_ command: String?, stage: SMTPStage) async throws(SMTPSessionFailure) -> SMTPReply {
        try await exchange(payload: command.map { ByteBuffer(string: $0 + "\r\n") }, stage: stage)
    }

    func exchange(payload: ByteBuffer?, stage: SMTPStage, timeout: Duration? = nil) async throws(SMTPSessionFailure) -> SMTPReply {
        let promise = channel.eventLoop.makePromise(of: SMTPReply.self)
        send(SMTPRequest(payload: payload, reply: promise, timeout: TimeAmount(timeout ?? settings.commandTimeout)))
        return try await reply(promise, stage: stage)
    }

    /// Writes a request; when the write itself fails, its reply fails with the handler's first failure if there was one.
    func send(_ request: SMTPRequest) {
        let failures = failures
        channel.writeAndFlush(request).whenFailure { error in
            request.reply.fail(failures.error ?? SMTPClientHandler.transportError(error))
        }
    }

    func reply(_ promise: EventLoopPromise<SMTPReply>, stage: SMTPStage) async throws(SMTPSessionFailure) -> SMTPReply {
        do {
            return try await promise.futureResult.get()
        } catch {
            let cause = failures.error ?? SMTPClientHandler.transportError(error)
            throw .transport(cause, stage: stage, host: settings.host)
        }
    }
}
