import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// One open, greeted, (TLS-protected,) authenticated SMTP session, ready for mail transactions.
final class SMTPConnection: Sendable {
    let link: SMTPLink
    let capabilities: SMTPCapabilities

    private init(link: SMTPLink, capabilities: SMTPCapabilities) {
        self.link = link
        self.capabilities = capabilities
    }

    var settings: SMTPSettings { link.settings }
    var channel: any NIOCore.Channel { link.channel }
    var isActive: Bool { link.channel.isActive }

    /// Connects, reads the greeting, says EHLO (HELO when refused), upgrades with STARTTLS and authenticates as configured.
    static func open(
        settings: SMTPSettings, tlsContext: NIOSSLContext?, group: any EventLoopGroup
    ) async throws(SMTPSessionFailure) -> SMTPConnection {
        let link = try await connect(settings: settings, tlsContext: tlsContext, group: group)
        do throws(SMTPSessionFailure) {
            let greeting = try await link.exchange(nil, stage: .greeting)
            guard greeting.code == 220 else { throw SMTPSessionFailure.reply(greeting, stage: .greeting, host: settings.host) }
            var capabilities = try await hello(link)
            if settings.security == .startTLS {
                capabilities = try await startTLS(link, capabilities: capabilities, tlsContext: tlsContext)
            }
            let connection = SMTPConnection(link: link, capabilities: capabilities)
            if let credentials = settings.credentials {
                try await connection.authenticate(username: credentials.username, password: credentials.password)
            }
            return connection
        } catch {
            link.channel.close(promise: nil)
            throw error
        }
    }

    private static func connect(
        settings: SMTPSettings, tlsContext: NIOSSLContext?, group: any EventLoopGroup
    ) async throws(SMTPSessionFailure) -> SMTPLink {
        let implicitTLS = settings.security == .implicitTLS ? tlsContext : nil
        let serverName = Self.serverName(settings.host)
        let idleTimeout = TimeAmount(settings.idleTimeout)
        let failures = SMTPFailureRecord()
        let bootstrap = ClientBootstrap(group: group)
            .connectTimeout(TimeAmount(settings.connectTimeout))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let implicitTLS {
                        try channel.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: implicitTLS, serverHostname: serverName))
                    }
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(SMTPReplyDecoder()))
                    try channel.pipeline.syncOperations.addHandler(SMTPClientHandler(idleTimeout: idleTimeout, failures: failures))
                }
            }
        do {
            let channel = try await bootstrap.connect(host: settings.host, port: settings.port).get()
            return SMTPLink(channel: channel, failures: failures, settings: settings)
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

    private static func hello(_ link: SMTPLink) async throws(SMTPSessionFailure) -> SMTPCapabilities {
        let ehlo = try await link.exchange("EHLO \(link.settings.heloName)", stage: .hello)
        if ehlo.code == 250 { return SMTPCapabilities(ehloReply: ehlo) }
        guard ehlo.isPermanentNegative else { throw SMTPSessionFailure.reply(ehlo, stage: .hello, host: link.settings.host) }
        let helo = try await link.exchange("HELO \(link.settings.heloName)", stage: .hello)
        guard helo.code == 250 else { throw SMTPSessionFailure.reply(helo, stage: .hello, host: link.settings.host) }
        return SMTPCapabilities()
    }

    /// STARTTLS, then the TLS handler and the second EHLO in one event-loop turn, so that the EHLO is queued behind the
    /// handshake and fails with the TLS error if the handshake does.
    private static func startTLS(
        _ link: SMTPLink, capabilities: SMTPCapabilities, tlsContext: NIOSSLContext?
    ) async throws(SMTPSessionFailure) -> SMTPCapabilities {
        let settings = link.settings
        guard capabilities.startTLS, let tlsContext else {
            throw .local(code: "tls", reason: "\(settings.host) does not offer STARTTLS, which the settings require", isTransient: true)
        }
        let reply = try await link.exchange("STARTTLS", stage: .startTLS)
        guard reply.code == 220 else { throw SMTPSessionFailure.reply(reply, stage: .startTLS, host: settings.host) }
        let serverName = serverName(settings.host)
        let promise = link.channel.eventLoop.makePromise(of: SMTPReply.self)
        let ehlo = SMTPRequest(
            payload: ByteBuffer(string: "EHLO \(settings.heloName)\r\n"), reply: promise, timeout: TimeAmount(settings.commandTimeout))
        let channel = link.channel
        channel.eventLoop.execute {
            do {
                let handler = try NIOSSLClientHandler(context: tlsContext, serverHostname: serverName)
                try channel.pipeline.syncOperations.addHandler(handler, position: .first)
                link.send(ehlo)
            } catch {
                promise.fail(error)
                channel.close(promise: nil)
            }
        }
        let secured = try await link.reply(promise, stage: .startTLS)
        guard secured.code == 250 else { throw SMTPSessionFailure.reply(secured, stage: .hello, host: settings.host) }
        return SMTPCapabilities(ehloReply: secured)
    }

    func exchange(_ command: String, stage: SMTPStage) async throws(SMTPSessionFailure) -> SMTPReply {
        try await link.exchange(command, stage: stage)
    }

    /// Says QUIT (without waiting long for the answer) and closes.
    func quit() async {
        _ = try? await link.exchange(payload: ByteBuffer(string: "QUIT\r\n"), stage: .reset, timeout: min(settings.commandTimeout, .seconds(2)))
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
