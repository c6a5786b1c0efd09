import ArgumentParser
import AutopilotCore
import Channels
import Engine
import Foundation

struct ChannelsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "channels",
        abstract:
            "Choose how a tenant's messages leave, per channel: log (default), smtp (email), twilio (sms, whatsapp), omnisend (email, sms), whatsapp-cloud.",
        subcommands: [Choose.self, Reset.self, Show.self])

    struct Choose: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract:
                "Send a tenant's channel through a provider: `channels set email smtp --host … --from …`, `channels set sms log`, or an API provider.",
            discussion: """
                API providers take the variables named as in the environment: settings with --setting NAME=VALUE, secrets with \
                --secret-env NAME=ENV_VARIABLE (read from this process's environment, never given on the command line). For example:
                  channels set sms twilio --setting TWILIO_ACCOUNT_SID=AC… --setting TWILIO_FROM=+33… --secret-env TWILIO_AUTH_TOKEN=SHOP_TWILIO_TOKEN
                  channels set whatsapp whatsapp-cloud --setting WHATSAPP_PHONE_NUMBER_ID=1234 --secret-env WHATSAPP_CLOUD_TOKEN=SHOP_WA_TOKEN
                  channels set email omnisend --secret-env OMNISEND_API_KEY=SHOP_OMNISEND_KEY
                """)

        @Argument(help: "email, sms or whatsapp.") var channel: String
        @Argument(help: "log, smtp (email), twilio (sms, whatsapp), omnisend (email, sms) or whatsapp-cloud (whatsapp).") var provider: String
        @Option(name: .customLong("setting"), help: "An API provider's setting, NAME=VALUE (repeatable).") var settings: [String] = []
        @Option(name: .customLong("secret-env"), help: "An API provider's secret, NAME=ENV_VARIABLE holding it (repeatable).") var secretEnvs:
            [String] = []
        @Option(help: "SMTP server host name.") var host: String?
        @Option(help: "SMTP port (default after --security: 25, 587 or 465).") var port: String?
        @Option(help: "none, starttls (default) or tls.") var security: String?
        @Option(help: "SMTP user name (with --password-env).") var username: String?
        @Option(name: .customLong("password-env"), help: "The environment variable holding the SMTP password (never given on the command line).")
        var passwordEnv: String?
        @Option(help: "Sender: hello@shop.example or \"Shop <hello@shop.example>\".") var from: String?
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Tenant id or name (default: the only tenant).") var tenant: String?

        func run() async throws {
            let channel = try ChannelsCommand.channel(self.channel)
            switch provider.lowercased() {
            case "log":
                try await CommandLineSetup.withMigratedStore(database.configuration) { store, _ in
                    try await ChannelSettingsService(store: store).useLog(
                        channel: channel, tenantID: try await CommandLineSetup.tenantID(tenant, store: store))
                }
                print("\(channel.rawValue): log")
            case "smtp":
                guard channel == .email else {
                    throw AutopilotCore.ValidationError(
                        code: "invalid_provider", field: "provider", message: "smtp sends email, not \(channel.rawValue)")
                }
                let settings = try smtpSettings()
                try await CommandLineSetup.withMigratedStore(database.configuration) { store, _ in
                    try await ChannelSettingsService(store: store).useSMTP(
                        settings, tenantID: try await CommandLineSetup.tenantID(tenant, store: store))
                }
                print("email: \(settings)")
            default:
                guard let api = ChannelProvider(name: provider) else {
                    throw AutopilotCore.ValidationError(
                        code: "invalid_provider", field: "provider", message: "'\(provider)' is not log, smtp, twilio, omnisend or whatsapp-cloud")
                }
                let variables = try apiVariables()
                try await CommandLineSetup.withMigratedStore(database.configuration) { store, _ in
                    try await ChannelSettingsService(store: store).use(
                        api, channel: channel, variables: variables, tenantID: try await CommandLineSetup.tenantID(tenant, store: store))
                }
                print("\(channel.rawValue): \(api.rawValue) (\(variables.keys.sorted().joined(separator: ", ")))")
            }
        }

        /// --setting NAME=VALUE and --secret-env NAME=ENV as one dictionary of variables.
        private func apiVariables() throws -> [String: String] {
            var variables: [String: String] = [:]
            for pair in settings {
                let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2, !parts[0].isEmpty else {
                    throw AutopilotCore.ValidationError(code: "invalid_setting", field: "--setting", message: "\"\(pair)\" is not NAME=VALUE")
                }
                variables[parts[0]] = parts[1]
            }
            for pair in secretEnvs {
                let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2, !parts[0].isEmpty else {
                    throw AutopilotCore.ValidationError(
                        code: "invalid_setting", field: "--secret-env", message: "\"\(pair)\" is not NAME=ENV_VARIABLE")
                }
                guard let secret = ProcessInfo.processInfo.environment[parts[1]], !secret.isEmpty else {
                    throw AutopilotCore.ValidationError(
                        code: "missing_secret", field: "--secret-env", message: "the environment variable \(parts[1]) is not set")
                }
                variables[parts[0]] = secret
            }
            return variables
        }

        /// The options read as SMTP_* variables would be, so both are checked by the same rules.
        private func smtpSettings() throws -> SMTPSettings {
            var variables: [String: String] = [:]
            variables["SMTP_HOST"] = host
            variables["SMTP_PORT"] = port
            variables["SMTP_SECURITY"] = security
            variables["SMTP_USERNAME"] = username
            variables["SMTP_FROM"] = from
            if let passwordEnv {
                guard let password = ProcessInfo.processInfo.environment[passwordEnv], !password.isEmpty else {
                    throw AutopilotCore.ValidationError(
                        code: "missing_password", field: "--password-env", message: "the environment variable \(passwordEnv) is not set")
                }
                variables["SMTP_PASSWORD"] = password
            }
            do {
                return try SMTPSettings.fromEnvironment(variables)
            } catch {
                let field = error.field ?? ""
                let option =
                    [
                        "SMTP_HOST": "--host", "SMTP_PORT": "--port", "SMTP_SECURITY": "--security", "SMTP_USERNAME": "--username",
                        "SMTP_PASSWORD": "--password-env", "SMTP_FROM": "--from",
                    ][field] ?? field
                let message = field.isEmpty ? error.message : error.message.replacingOccurrences(of: field, with: option)
                throw AutopilotCore.ValidationError(code: error.code, field: option, message: message)
            }
        }
    }

    struct Reset: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Forget a tenant's choice for a channel: it goes back to the default.")

        @Argument(help: "email, sms or whatsapp.") var channel: String
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Tenant id or name (default: the only tenant).") var tenant: String?

        func run() async throws {
            let channel = try ChannelsCommand.channel(self.channel)
            let removed = try await CommandLineSetup.withMigratedStore(database.configuration) { store, _ in
                try await ChannelSettingsService(store: store).reset(
                    channel: channel, tenantID: try await CommandLineSetup.tenantID(tenant, store: store))
            }
            print(removed ? "\(channel.rawValue): back to the default" : "\(channel.rawValue): already on the default")
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Show the sender of each channel (secrets are never shown).")

        @OptionGroup var database: DatabaseOptions
        @Option(help: "Tenant id or name (default: the only tenant).") var tenant: String?
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            let defaults = try SenderDirectory.fromEnvironment(ProcessInfo.processInfo.environment)
            let choices = try await CommandLineSetup.withMigratedStore(database.configuration) { store, _ in
                try await ChannelSettingsService(store: store).list(
                    tenantID: try await CommandLineSetup.tenantID(tenant, store: store), defaults: defaults)
            }
            if json {
                print(JSONValue.array(choices.map(\.json)).jsonString)
                return
            }
            for choice in choices {
                let settings = choice.settings.keys.sorted().compactMap { key in choice.settings[key].map { "\(key)=\(Self.text($0))" } }
                let secret = choice.hasSecrets ? ["password=set"] : []
                print(([choice.channel.rawValue, choice.provider, "(\(choice.source))"] + settings + secret).joined(separator: "  "))
            }
        }

        private static func text(_ value: JSONValue) -> String {
            value.stringValue ?? value.jsonString
        }
    }

    static func channel(_ text: String) throws -> Channel {
        guard let channel = Channel(rawValue: text.lowercased()) else {
            throw AutopilotCore.ValidationError(code: "invalid_channel", field: "channel", message: "'\(text)' is not email, sms or whatsapp")
        }
        return channel
    }
}
