import AutopilotCore
import Foundation
import Logging
import NIOCore
import NIOPosix
import NIOSSL

/// Sends email through an SMTP relay. Keeps up to `maximumIdleConnections` authenticated connections open between
/// messages (reset with RSET before reuse, dropped after an error or `idleTimeout` without use).
///
/// Replies map to outcomes: 4xx → transient `temporary_failure`; 5xx at RCPT → permanent `rejected_recipient`; other 5xx
/// permanent; refused or broken connections → transient `connection`; no reply in time → transient `timeout`.
/// A success carries the Message-ID, then `;queue-id=…` when the server names its queue id.
public actor SMTPSender: MessageSender {
    public nonisolated let name = "smtp"
    public nonisolated let settings: SMTPSettings
    private let builder: MIMEMessageBuilder
    private let tlsContext: NIOSSLContext?
    private let group: any EventLoopGroup
    private let logger: Logger
    private let now: @Sendable () -> Date
    private var idle: [SMTPConnection] = []

    /// Fails when the sender address or the trusted certificates in `settings` cannot be used.
    public init(
        settings: SMTPSettings, eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        logger: Logger = Logger(label: "autopilot.sender.smtp"), now: @escaping @Sendable () -> Date = { Date() }
    ) throws(SMTPConfigurationError) {
        do {
            builder = MIMEMessageBuilder(defaultFrom: try MailAddress(address: settings.fromAddress, displayName: settings.fromName))
        } catch {
            throw SMTPConfigurationError(code: "invalid_variable", field: "fromAddress", message: "the sender cannot be used: \(error.reason)")
        }
        self.settings = settings
        self.tlsContext = try Self.makeTLSContext(settings)
        self.group = eventLoopGroup
        self.logger = logger
        self.now = now
    }

    public func send(_ message: OutboundMessage) async -> SendOutcome {
        guard message.channel == .email else {
            return .failed(SendFailure(code: "invalid_message", reason: "SMTP sends email, not \(message.channel.rawValue)", isTransient: false))
        }
        let mime: MIMEMessage
        do {
            mime = try builder.build(message, date: now())
        } catch {
            return .failed(error)
        }
        let connection: SMTPConnection
        do {
            connection = try await checkOut()
        } catch {
            logger.warning("smtp connection failed", metadata: ["id": "\(message.id)", "reason": "\(error.failure.reason)"])
            return .failed(error.failure)
        }
        do {
            let reply = try await connection.transmit(mime)
            checkIn(connection)
            let providerID = reply.queueID.map { "\(mime.messageID);queue-id=\($0)" } ?? mime.messageID
            logger.debug("smtp sent", metadata: ["id": "\(message.id)", "provider_id": "\(providerID)"])
            return .sent(providerID: providerID)
        } catch {
            if error.connectionReusable { checkIn(connection) } else { connection.close() }
            logger.info("smtp send failed", metadata: ["id": "\(message.id)", "code": "\(error.failure.code)", "reason": "\(error.failure.reason)"])
            return .failed(error.failure)
        }
    }

    /// Says QUIT on every idle connection and forgets them.
    public func shutdown() async {
        let connections = idle
        idle = []
        for connection in connections { await connection.quit() }
    }

    /// The number of idle connections kept for reuse (tests, metrics).
    public var idleConnectionCount: Int { idle.count }

    private func checkOut() async throws(SMTPSessionFailure) -> SMTPConnection {
        while let candidate = idle.popLast() {
            guard candidate.isActive else { continue }
            do {
                try await candidate.reset()
                return candidate
            } catch {
                candidate.close()
            }
        }
        return try await SMTPConnection.open(settings: settings, tlsContext: tlsContext, group: group)
    }

    private func checkIn(_ connection: SMTPConnection) {
        guard connection.isActive, idle.count < settings.maximumIdleConnections else {
            connection.dismiss()
            return
        }
        connection.park()
        idle.append(connection)
    }

    private static func makeTLSContext(_ settings: SMTPSettings) throws(SMTPConfigurationError) -> NIOSSLContext? {
        guard settings.security != .none else { return nil }
        var configuration = TLSConfiguration.makeClientConfiguration()
        do {
            switch settings.trustRoots {
            case .system:
                break
            case .certificatesPEM(let pem):
                let certificates = try NIOSSLCertificate.fromPEMBytes(Array(pem.utf8))
                guard !certificates.isEmpty else {
                    throw SMTPConfigurationError(code: "invalid_certificate", field: "trustRoots", message: "the PEM text holds no certificate")
                }
                configuration.trustRoots = .certificates(certificates)
            case .insecureSkipVerificationForTestsOnly:
                configuration.certificateVerification = .none
            }
            return try NIOSSLContext(configuration: configuration)
        } catch let error as SMTPConfigurationError {
            throw error
        } catch {
            throw SMTPConfigurationError(code: "invalid_certificate", field: "trustRoots", message: "cannot load the certificates: \(error)")
        }
    }
}
