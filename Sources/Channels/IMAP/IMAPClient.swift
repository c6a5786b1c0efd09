import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// Reads a mailbox over IMAP4rev1 (RFC 3501), written on SwiftNIO: connect (TLS from the first byte, or none), log in
/// (AUTHENTICATE PLAIN when offered, else LOGIN), select the folder, then what the caller asks of the session, then
/// LOGOUT. Messages are fetched with `BODY.PEEK[]`, so reading them does not mark them seen.
public struct IMAPClient: Sendable {
    public let settings: IMAPSettings

    public init(settings: IMAPSettings) {
        self.settings = settings
    }

    /// Opens a session on the folder and runs `body` with it; the connection is closed afterwards whatever happens.
    public func withSession<Result>(_ body: (inout IMAPSession) async throws -> Result) async throws -> Result {
        let tlsContext = try makeTLSContext()
        let settings = settings
        let serverName = SMTPConnection.serverName(settings.host)
        let readTimeout = TimeAmount(settings.commandTimeout)
        let channel: NIOAsyncChannel<IMAPResponse, ByteBuffer>
        do {
            channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connectTimeout(TimeAmount(settings.connectTimeout))
                .connect(host: settings.host, port: settings.port) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        if let tlsContext {
                            try channel.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: tlsContext, serverHostname: serverName))
                        }
                        try channel.pipeline.syncOperations.addHandler(IdleStateHandler(readTimeout: readTimeout))
                        try channel.pipeline.syncOperations.addHandler(IMAPReadTimeoutHandler())
                        try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(IMAPResponseDecoder()))
                        return try NIOAsyncChannel<IMAPResponse, ByteBuffer>(wrappingChannelSynchronously: channel)
                    }
                }
        } catch ChannelError.connectTimeout {
            throw IMAPError(code: "timeout", message: "\(settings.host):\(settings.port) did not accept a connection in time")
        } catch {
            throw IMAPError(code: "connection", message: "cannot connect to \(settings.host):\(settings.port): \(error)")
        }
        return try await channel.executeThenClose { inbound, outbound in
            var session = IMAPSession(responses: inbound.makeAsyncIterator(), outbound: outbound, settings: settings)
            do {
                try await session.open()
                let result = try await body(&session)
                await session.logout()
                return result
            } catch let error as IMAPError {
                throw error
            } catch let error as NIOSSLError {
                throw IMAPError(code: "tls", message: "TLS with \(settings.host) failed: \(error)")
            } catch let error as BoringSSLError {
                throw IMAPError(code: "tls", message: "TLS with \(settings.host) failed: \(error)")
            } catch let error as ChannelError {
                throw IMAPError(code: "connection", message: "the connection to \(settings.host) failed: \(error)")
            } catch let error as IOError {
                throw IMAPError(code: "connection", message: "the connection to \(settings.host) failed: \(error)")
            }
        }
    }

    private func makeTLSContext() throws -> NIOSSLContext? {
        guard settings.security == .tls else { return nil }
        var configuration = TLSConfiguration.makeClientConfiguration()
        switch settings.trustRoots {
        case .system:
            break
        case .certificatesPEM(let pem):
            let certificates = try NIOSSLCertificate.fromPEMBytes(Array(pem.utf8))
            configuration.trustRoots = .certificates(certificates)
        case .insecureSkipVerificationForTestsOnly:
            configuration.certificateVerification = .none
        }
        do {
            return try NIOSSLContext(configuration: configuration)
        } catch {
            throw IMAPError(code: "tls", message: "cannot set up TLS: \(error)")
        }
    }
}
