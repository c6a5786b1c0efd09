import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// One open, greeted, (TLS-protected,) authenticated SMTP session, ready for mail transactions.
final class SMTPConnection: Sendable {
    let channel: any NIOCore.Channel
    let settings: SMTPSettings
    let capabilities: SMTPCapabilities

    private init(channel: any NIOCore.Channel, settings: SMTPSettings, capabilities: SMTPCapabilities) {
        self.channel = channel
        self.settings = settings
        self.capabilities = capabilities
    }

    var isActive: Bool { channel.isActive }

    /// Connects, reads the greeting, says EHLO (HELO when refused), upgrades with STARTTLS and authenticates as configured.
    static func open(
        settings: SMTPSettings, tlsContext: NIOSSLContext?, group: any EventLoopGroup
    ) async throws(SMTPSessionFailure) -> SMTPConnection {
        let channel = try await connect(settings: settings, tlsContext: tlsContext, group: group)
        do throws(SMTPSessionFailure) {
            let greeting = try await exchange(channel, nil, stage: .greeting, settings: settings)
            guard greeting.code == 220 else { throw SMTPSessionFailure.reply(greeting, stage: .greeting, host: settings.host) }
            var capabilities = try await hello(channel, settings: settings)
            if settings.security == .startTLS {
                try await startTLS(channel, capabilities: capabilities, settings: settings, tlsContext: tlsContext)
                capabilities = try await hello(channel, settings: settings)
            }
            let connection = SMTPConnection(channel: channel, settings: settings, capabilities: capabilities)
            if let credentials = settings.credentials {
                try await connection.authenticate(username: credentials.username, password: credentials.password)
            }
            return connection
        } catch {
            channel.close(promise: nil)
            throw error
        }
    }

    private static func connect(
        settings: SMTPSettings, tlsContext: NIOSSLContext?, group: any EventLoopGroup
    ) async throws(SMTPSessionFailure) -> any NIOCore.Channel {
        let implicitTLS = settings.security == .implicitTLS ? tlsContext : nil
        let serverName = Self.serverName(settings.host)
        let idleTimeout = TimeAmount(settings.idleTimeout)
        let bootstrap = ClientBootstrap(group: group)
            .connectTimeout(TimeAmount(settings.connectTimeout))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let implicitTLS {
                        try channel.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: implicitTLS, serverHostname: serverName))
                    }
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(SMTPReplyDecoder()))
                    try channel.pipeline.syncOperations.addHandler(SMTPClientHandler(idleTimeout: idleTimeout))
                }
            }
        do {
            return try await bootstrap.connect(host: settings.host, port: settings.port).get()
        } catch ChannelError.connectTimeout {
            throw .local(code: "timeout", reason: "\(settings.host):\(settings.port) did not accept a connection in time", isTransient: true)
        } catch {
            throw .local(code: "connection", reason: "cannot connect to \(settings.host):\(settings.port): \(error)", isTransient: true)
        }
    }

    /// The host name for SNI and certificate checks; nil for an IP address (checked against the peer's address instead).
    static func serverName(_ host: String) -> String? {
        let isIPv4 = host.split(separator: ".").count == 4 && host.allSatisfy { $0.isNumber || $0 == "." }
        return isIPv4 || host.contains(":") ? nil : host
    }

    private static func hello(_ channel: any NIOCore.Channel, settings: SMTPSettings) async throws(SMTPSessionFailure) -> SMTPCapabilities {
        let ehlo = try await exchange(channel, "EHLO \(settings.heloName)", stage: .hello, settings: settings)
        if ehlo.code == 250 { return SMTPCapabilities(ehloReply: ehlo) }
        guard ehlo.isPermanentNegative else { throw SMTPSessionFailure.reply(ehlo, stage: .hello, host: settings.host) }
        let helo = try await exchange(channel, "HELO \(settings.heloName)", stage: .hello, settings: settings)
        guard helo.code == 250 else { throw SMTPSessionFailure.reply(helo, stage: .hello, host: settings.host) }
        return SMTPCapabilities()
    }

    private static func startTLS(
        _ channel: any NIOCore.Channel, capabilities: SMTPCapabilities, settings: SMTPSettings, tlsContext: NIOSSLContext?
    ) async throws(SMTPSessionFailure) {
        guard capabilities.startTLS, let tlsContext else {
            throw .local(code: "tls", reason: "\(settings.host) does not offer STARTTLS, which the settings require", isTransient: true)
        }
        let reply = try await exchange(channel, "STARTTLS", stage: .startTLS, settings: settings)
        guard reply.code == 220 else { throw SMTPSessionFailure.reply(reply, stage: .startTLS, host: settings.host) }
        do {
            let serverName = serverName(settings.host)
            try await channel.eventLoop.submit {
                let handler = try NIOSSLClientHandler(context: tlsContext, serverHostname: serverName)
                try channel.pipeline.syncOperations.addHandler(handler, position: .first)
            }.get()
        } catch {
            throw .transport(SMTPClientHandler.transportError(error), stage: .startTLS, host: settings.host)
        }
    }

    /// Sends one command line (CRLF added) or, with nil, waits for an unprompted reply (the greeting).
    static func exchange(
        _ channel: any NIOCore.Channel, _ command: String?, stage: SMTPStage, settings: SMTPSettings
    ) async throws(SMTPSessionFailure) -> SMTPReply {
        try await exchange(channel, payload: command.map { ByteBuffer(string: $0 + "\r\n") }, stage: stage, settings: settings)
    }

    static func exchange(
        _ channel: any NIOCore.Channel, payload: ByteBuffer?, stage: SMTPStage, settings: SMTPSettings
    ) async throws(SMTPSessionFailure) -> SMTPReply {
        let promise = channel.eventLoop.makePromise(of: SMTPReply.self)
        let request = SMTPRequest(payload: payload, reply: promise, timeout: TimeAmount(settings.commandTimeout))
        channel.writeAndFlush(request).whenFailure { promise.fail($0) }
        do {
            return try await promise.futureResult.get()
        } catch {
            throw .transport(SMTPClientHandler.transportError(error), stage: stage, host: settings.host)
        }
    }

    func exchange(_ command: String, stage: SMTPStage) async throws(SMTPSessionFailure) -> SMTPReply {
        try await Self.exchange(channel, command, stage: stage, settings: settings)
    }

    /// Says QUIT (without waiting long for the answer) and closes.
    func quit() async {
        var quick = settings
        quick.commandTimeout = min(settings.commandTimeout, .seconds(2))
        _ = try? await Self.exchange(channel, "QUIT", stage: .reset, settings: quick)
        try? await channel.close()
    }

    /// The connection waits in the pool from now on: it says QUIT and closes after the idle timeout unless used again.
    func park() {
        channel.triggerUserOutboundEvent(SMTPConnectionEvent.park, promise: nil)
    }

    /// Says QUIT and closes without waiting for the answer (a connection the pool has no room for).
    func dismiss() {
        channel.triggerUserOutboundEvent(SMTPConnectionEvent.quit, promise: nil)
    }

    func close() {
        channel.close(promise: nil)
    }
}

extension TimeAmount {
    init(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        self = .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
