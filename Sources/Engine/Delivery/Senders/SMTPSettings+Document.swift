import AutopilotCore
import Channels

extension SMTPSettings {
    /// The settings as stored for a tenant: what may be shown, and the secrets (the password) apart.
    public var document: (settings: JSONObject, secrets: JSONObject?) {
        var settings: JSONObject = [
            "host": .string(host), "port": .int(Int64(port)), "security": .string(security.rawValue), "from_address": .string(fromAddress),
        ]
        settings["from_name"] = fromName.map(JSONValue.string)
        settings["username"] = username.map(JSONValue.string)
        return (settings, password.map { ["password": .string($0)] })
    }

    /// Reads stored settings back; throws naming the first field that cannot be used.
    public init(document settings: JSONObject, secrets: JSONObject?) throws(SMTPConfigurationError) {
        guard let host = settings["host"]?.stringValue, !host.isEmpty else {
            throw SMTPConfigurationError(code: "invalid_variable", field: "host", message: "the SMTP host is missing")
        }
        guard let securityText = settings["security"]?.stringValue, let security = Security(rawValue: securityText) else {
            throw SMTPConfigurationError(code: "invalid_variable", field: "security", message: "the security mode is not one of none, starttls, tls")
        }
        var port = security.defaultPort
        if let value = settings["port"] {
            guard let number = value.intValue, (1...65_535).contains(number) else {
                throw SMTPConfigurationError(
                    code: "invalid_variable", field: "port", message: "\(value.jsonString) is not a port number between 1 and 65535")
            }
            port = Int(number)
        }
        guard let from = settings["from_address"]?.stringValue, !from.isEmpty else {
            throw SMTPConfigurationError(code: "invalid_variable", field: "from_address", message: "the sender address is missing")
        }
        self.init(
            host: host, port: port, security: security, username: settings["username"]?.stringValue, password: secrets?["password"]?.stringValue,
            fromAddress: from, fromName: settings["from_name"]?.stringValue)
    }
}
