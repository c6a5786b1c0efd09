import Foundation

/// Where a shop's mailbox is and how to reach it (IMAP4rev1, RFC 3501): the server, TLS from the first byte (port 993)
/// or no encryption (a server on the same host or a private network, and tests), the account and the folder to read.
public struct IMAPSettings: Sendable, Hashable {
    public enum Security: String, Sendable, Hashable, CaseIterable {
        /// TLS from the first byte (`imaps`, port 993).
        case tls
        /// No encryption (port 143): only on the same host or a private network.
        case none
    }

    public var host: String
    public var port: Int
    public var security: Security
    public var username: String
    public var password: String
    /// The folder read (`INBOX` unless set).
    public var folder: String
    public var connectTimeout: Duration
    /// How long one answer may take.
    public var commandTimeout: Duration
    /// The most messages read in one session; the rest wait for the next poll.
    public var batchSize: Int
    /// Which certificates we accept (as for SMTP).
    public var trustRoots: SMTPSettings.TrustRoots

    public init(
        host: String, port: Int? = nil, security: Security = .tls, username: String, password: String, folder: String = "INBOX",
        connectTimeout: Duration = .seconds(10), commandTimeout: Duration = .seconds(60), batchSize: Int = 100,
        trustRoots: SMTPSettings.TrustRoots = .system
    ) {
        self.host = host
        self.port = port ?? (security == .tls ? 993 : 143)
        self.security = security
        self.username = username
        self.password = password
        self.folder = folder
        self.connectTimeout = connectTimeout
        self.commandTimeout = commandTimeout
        self.batchSize = batchSize
        self.trustRoots = trustRoots
    }

    /// `user@host:port/folder`: names the mailbox in the poll state and in messages, without the password.
    public var mailboxName: String { "\(username)@\(host):\(port)/\(folder)" }
}

/// Why a mailbox could not be read. `code`: `connection`, `timeout`, `tls`, `auth_failed`, `no_folder`, `command_failed`,
/// `protocol_error`, `closed`.
public struct IMAPError: Error, Sendable, Equatable, CustomStringConvertible {
    public var code: String
    public var message: String

    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }
}
