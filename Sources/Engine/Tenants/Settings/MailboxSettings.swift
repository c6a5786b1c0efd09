import AutopilotCore
import Channels
import Foundation

/// The shop's own mailbox, read over IMAP for the replies, bounces and complaints its emails bring back (for shops
/// without an inbound-mail service), and the bounce address its emails leave with. Tenant settings beside the shop's
/// (`autopilot settings set imap.host …`, `PUT /v1/settings`); the password is a secret, stored encrypted.
public enum MailboxSettings {
    public static let definitions: [(name: String, kind: ShopSettings.Kind, meaning: String)] = [
        ("imap.host", .text(maximum: 253), "the IMAP server of the shop's mailbox (replies, bounces, complaints are read there)"),
        ("imap.port", .text(maximum: 5), "its port; default 993 with TLS, 143 without"),
        ("imap.security", .text(maximum: 4), "tls (default, port 993) or none (same host or private network only)"),
        ("imap.username", .text(maximum: 320), "the mailbox's login"),
        ("imap.password", .secret, "the mailbox's password"),
        ("imap.folder", .text(maximum: 200), "the folder read; default INBOX"),
        ("imap.interval_seconds", .text(maximum: 6), "how often the mailbox is read, 30 to 86400 seconds; default 300"),
        ("email.bounce_address", .text(maximum: 320), "the envelope sender of emails, as bounce+<message id>@domain (VERP): bounces come back there"),
    ]

    /// Checks a value beyond its length; throws naming `settings.<name>`.
    static func check(_ name: String, _ value: String) throws(ValidationError) {
        let field = "settings.\(name)"
        switch name {
        case "imap.port":
            guard let port = Int(value), (1...65_535).contains(port) else {
                throw ValidationError(code: "invalid_setting", field: field, message: "\"\(value)\" is not a port number between 1 and 65535")
            }
        case "imap.security":
            guard IMAPSettings.Security(rawValue: value.lowercased()) != nil else {
                throw ValidationError(code: "invalid_setting", field: field, message: "\"\(value)\" is not tls or none")
            }
        case "imap.interval_seconds":
            guard let seconds = Int(value), (30...86_400).contains(seconds) else {
                throw ValidationError(code: "invalid_setting", field: field, message: "\"\(value)\" is not a number of seconds between 30 and 86400")
            }
        case "imap.host":
            guard !value.contains(" "), !value.contains("/"), !value.contains(":") || value.hasPrefix("[") else {
                throw ValidationError(code: "invalid_setting", field: field, message: "\"\(value)\" is not a host name (no scheme, no port)")
            }
        case "email.bounce_address":
            let parts = value.split(separator: "@", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !value.contains(" "), !parts[0].contains("+") else {
                throw ValidationError(
                    code: "invalid_setting", field: field, message: "\"\(value)\" is not an address such as bounce@shop.example (without +)")
            }
        default:
            break
        }
    }

    /// How to reach the tenant's mailbox; nil when no host is set. Throws `mailbox_incomplete` when the host is set but the
    /// login or the password is missing.
    public static func imap(_ values: [String: String]) throws(ValidationError) -> IMAPSettings? {
        guard let host = values["imap.host"] else { return nil }
        guard let username = values["imap.username"], let password = values["imap.password"] else {
            throw ValidationError(
                code: "mailbox_incomplete", field: "settings.imap.username",
                message: "imap.host is set: imap.username and imap.password are needed too")
        }
        let security = values["imap.security"].flatMap { IMAPSettings.Security(rawValue: $0.lowercased()) } ?? .tls
        return IMAPSettings(
            host: host, port: values["imap.port"].flatMap(Int.init), security: security, username: username, password: password,
            folder: values["imap.folder"] ?? "INBOX")
    }

    /// Seconds between two reads of the mailbox.
    public static func interval(_ values: [String: String]) -> TimeInterval {
        TimeInterval(values["imap.interval_seconds"].flatMap(Int.init) ?? 300)
    }
}
