import Foundation

/// How to reach and authenticate with an SMTP relay (a provider's submission server or the shop's own).
public struct SMTPSettings: Sendable, Hashable {
    /// How the connection is protected.
    public enum Security: String, Sendable, Hashable, CaseIterable {
        /// Plain TCP all the way (a relay on the same host or a test server).
        case none
        /// Plain TCP, then `STARTTLS` (RFC 3207) before anything else; refused when the server does not offer it.
        case startTLS = "starttls"
        /// TLS from the first byte ("submissions", usually port 465, RFC 8314).
        case implicitTLS = "tls"

        /// The port a server usually listens on for this mode.
        public var defaultPort: Int {
            switch self {
            case .none: 25
            case .startTLS: 587
            case .implicitTLS: 465
            }
        }
    }

    /// Which certificates we accept from the server.
    public enum TrustRoots: Sendable, Hashable {
        /// The operating system's certificate authorities, with the host name checked.
        case system
        /// Only certificates issued by these CA certificates (PEM text, one or more), with the host name checked.
        case certificatesPEM(String)
        /// Accept any certificate, unchecked. For tests against a self-signed peer ONLY: it gives no protection at all.
        case insecureSkipVerificationForTestsOnly
    }

    public var host: String
    public var port: Int
    public var security: Security
    /// Both set: authenticate with AUTH PLAIN (preferred) or LOGIN, whichever the server advertises.
    public var username: String?
    public var password: String?
    /// The default sender address (`MAIL FROM` and the `From` header) when a message names none.
    public var fromAddress: String
    /// Shown beside the default sender address (`"Shop" <hello@shop.example>`).
    public var fromName: String?
    /// The name we give in `EHLO`; the sender address's domain by default.
    public var heloName: String
    public var connectTimeout: Duration
    /// How long we wait for each reply before giving up on the connection.
    public var commandTimeout: Duration
    /// An unused pooled connection is closed (with `QUIT`) after this long.
    public var idleTimeout: Duration
    /// How many idle connections are kept for reuse.
    public var maximumIdleConnections: Int
    public var trustRoots: TrustRoots

    public init(
        host: String, port: Int? = nil, security: Security = .startTLS, username: String? = nil, password: String? = nil,
        fromAddress: String, fromName: String? = nil, heloName: String? = nil, connectTimeout: Duration = .seconds(10),
        commandTimeout: Duration = .seconds(60), idleTimeout: Duration = .seconds(30), maximumIdleConnections: Int = 2,
        trustRoots: TrustRoots = .system
    ) {
        self.host = host
        self.port = port ?? security.defaultPort
        self.security = security
        self.username = username
        self.password = password
        self.fromAddress = fromAddress
        self.fromName = fromName
        self.heloName = heloName ?? SMTPSettings.domain(of: fromAddress) ?? "localhost"
        self.connectTimeout = connectTimeout
        self.commandTimeout = commandTimeout
        self.idleTimeout = idleTimeout
        self.maximumIdleConnections = maximumIdleConnections
        self.trustRoots = trustRoots
    }

    /// The credentials, when both halves are set.
    var credentials: (username: String, password: String)? {
        guard let username, let password, !username.isEmpty else { return nil }
        return (username, password)
    }

    private static func domain(of address: String) -> String? {
        guard let at = address.lastIndex(of: "@") else { return nil }
        let domain = address[address.index(after: at)...].trimmingCharacters(in: CharacterSet(charactersIn: "> "))
        return domain.isEmpty ? nil : domain
    }
}
