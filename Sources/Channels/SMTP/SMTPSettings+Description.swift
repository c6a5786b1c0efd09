extension SMTPSettings: CustomStringConvertible, CustomDebugStringConvertible {
    /// The settings with the password left out, safe for logs.
    public var description: String {
        let account = username.map { "\($0):\(password == nil ? "" : "***")@" } ?? ""
        return "smtp \(security.rawValue)://\(account)\(host):\(port) from \(fromAddress)"
    }

    public var debugDescription: String { description }
}
