import AutopilotCore
import Channels
import Foundation

extension SenderDirectory {
    /// The process defaults from the environment: email over SMTP when SMTP_HOST is set (see `SMTPSettings.fromEnvironment`),
    /// `log` for everything else. Tenants' own settings still come first.
    public static func fromEnvironment(_ environment: [String: String]) throws -> SenderDirectory {
        guard let host = environment["SMTP_HOST"], !host.trimmingCharacters(in: .whitespaces).isEmpty else { return SenderDirectory() }
        let settings = try SMTPSettings.fromEnvironment(environment)
        return SenderDirectory(byChannel: [.email: try SMTPSender(settings: settings)])
    }
}
