import Foundation

extension SMTPSettings {
    /// Reads the settings from environment variables:
    ///
    /// - `SMTP_HOST` (required): the server's host name.
    /// - `SMTP_PORT`: 1–65535; by default 25, 587 or 465 after the security mode.
    /// - `SMTP_SECURITY`: `none`, `starttls` (default) or `tls` (implicit TLS).
    /// - `SMTP_USERNAME`, `SMTP_PASSWORD`: both or neither.
    /// - `SMTP_FROM` (required): `hello@shop.example` or `Shop <hello@shop.example>`.
    public static func fromEnvironment(_ env: [String: String]) throws(SMTPConfigurationError) -> SMTPSettings {
        let host = try required("SMTP_HOST", env)
        guard !host.contains(where: { $0.isWhitespace || $0 == "/" }), host.filter({ $0 == ":" }).count != 1 else {
            throw invalid("SMTP_HOST", "'\(host)' is not a host name (give the name alone, without scheme, port or spaces)")
        }
        let securityText = value("SMTP_SECURITY", env)?.lowercased() ?? Security.startTLS.rawValue
        guard let security = Security(rawValue: securityText) else {
            throw invalid("SMTP_SECURITY", "'\(securityText)' is not one of none, starttls, tls")
        }
        var port = security.defaultPort
        if let portText = value("SMTP_PORT", env) {
            guard let number = Int(portText), (1...65535).contains(number) else {
                throw invalid("SMTP_PORT", "'\(portText)' is not a port number between 1 and 65535")
            }
            port = number
        }
        let username = value("SMTP_USERNAME", env)
        let password = env["SMTP_PASSWORD"].flatMap { $0.isEmpty ? nil : $0 }
        if username != nil, password == nil {
            throw SMTPConfigurationError(code: "missing_variable", field: "SMTP_PASSWORD", message: "SMTP_USERNAME is set but SMTP_PASSWORD is not")
        }
        if password != nil, username == nil {
            throw SMTPConfigurationError(code: "missing_variable", field: "SMTP_USERNAME", message: "SMTP_PASSWORD is set but SMTP_USERNAME is not")
        }
        let fromText = try required("SMTP_FROM", env)
        let from: MailAddress
        do {
            from = try MailAddress.parse(fromText)
        } catch {
            throw invalid("SMTP_FROM", "'\(fromText)' is not a sender address: \(error.reason)")
        }
        return SMTPSettings(
            host: host, port: port, security: security, username: username, password: password, fromAddress: from.address,
            fromName: from.displayName)
    }

    private static func value(_ name: String, _ env: [String: String]) -> String? {
        guard let raw = env[name]?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
        return raw
    }

    private static func required(_ name: String, _ env: [String: String]) throws(SMTPConfigurationError) -> String {
        guard let raw = value(name, env) else {
            throw SMTPConfigurationError(code: "missing_variable", field: name, message: "\(name) is required to send email over SMTP")
        }
        return raw
    }

    private static func invalid(_ name: String, _ reason: String) -> SMTPConfigurationError {
        SMTPConfigurationError(code: "invalid_variable", field: name, message: reason)
    }
}
