import AutopilotCore

/// Publishing to a platform failed: which platform, a code (`configuration`, `unauthorized`, `rejected`, `server`,
/// `connection`, `timeout`, `malformed_response`), the platform's own reason and the HTTP status when there was one.
public struct PublishingError: AutopilotError, Hashable, CustomStringConvertible {
    /// `WordPress`, `Facebook`, `LinkedIn`.
    public let platform: String
    public let code: String
    public let message: String
    public let status: Int?

    public init(platform: String, code: String, message: String, status: Int? = nil) {
        self.platform = platform
        self.code = code
        self.message = message
        self.status = status
    }

    /// A missing setting is the operator's to fix (500); no answer is unavailability (503); a refusal or an unreadable
    /// answer is an upstream failure (502).
    public var category: ErrorCategory {
        switch code {
        case "configuration": .internal
        case "connection", "timeout": .unavailable
        default: .upstreamFailure
        }
    }

    public var description: String {
        "\(platform): \(status.map { "HTTP \($0), " } ?? "")\(code): \(message)"
    }

    /// The error code for an HTTP status.
    static func code(for status: Int) -> String {
        switch status {
        case 401, 403: "unauthorized"
        case 500...: "server"
        default: "rejected"
        }
    }
}
