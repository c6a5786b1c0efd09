import AutopilotCore
import Channels
import Foundation
import LLM
import Storage

/// The integrations the process is configured for, read from its environment (never the secrets): senders, language
/// models, Slack, CRMs, suppliers, the storefront. A value that cannot be used is listed with the reason, not thrown:
/// health reports, it does not refuse.
public struct IntegrationInventory: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        /// The name outcomes are recorded under in `integration_health`.
        public var name: String
        public var kind: IntegrationKind
        /// What is configured, without secrets, or why it cannot be used.
        public var detail: String
        public var usable: Bool
    }

    public var entries: [Entry]

    public init(entries: [Entry] = []) {
        self.entries = entries
    }

    public static func fromEnvironment(_ environment: [String: String]) -> IntegrationInventory {
        func set(_ name: String) -> Bool { !(environment[name] ?? "").isEmpty }
        var entries: [Entry] = []
        func add(_ name: String, _ kind: IntegrationKind, _ result: () throws -> String?) {
            do {
                if let detail = try result() { entries.append(Entry(name: name, kind: kind, detail: detail, usable: true)) }
            } catch {
                entries.append(Entry(name: name, kind: kind, detail: "cannot be used: \(error)", usable: false))
            }
        }
        add("smtp", .channel) {
            guard set("SMTP_HOST") else { return nil }
            let settings = try SMTPSettings.fromEnvironment(environment)
            return "email via \(settings.host):\(settings.port)"
        }
        add("twilio", .channel) { try TwilioSettings.fromEnvironment(environment).map(\.description) }
        add("whatsapp_cloud", .channel) { try WhatsAppCloudSettings.fromEnvironment(environment).map(\.description) }
        add("omnisend", .channel) { try OmnisendSettings.fromEnvironment(environment).map(\.description) }
        add("slack", .notifications) { set("SLACK_WEBHOOK_URL") ? "incoming webhook" : nil }
        do {
            for provider in try GatewayConfiguration.fromEnvironment(environment).providers {
                entries.append(Entry(name: "llm:" + provider.kind.rawValue, kind: .llm, detail: provider.model ?? "default model", usable: true))
            }
        } catch {
            entries.append(Entry(name: "llm", kind: .llm, detail: "cannot be used: \(error)", usable: false))
        }
        let others: [(String, IntegrationKind, String)] = [
            ("hubspot", .crm, "HUBSPOT_ACCESS_TOKEN"), ("pipedrive", .crm, "PIPEDRIVE_API_TOKEN"), ("cj", .supplier, "CJ_ACCESS_TOKEN"),
            ("bigbuy", .supplier, "BIGBUY_API_KEY"), ("shopify", .storefront, "SHOPIFY_ACCESS_TOKEN"),
        ]
        for (name, kind, variable) in others where set(variable) {
            entries.append(Entry(name: name, kind: kind, detail: "\(variable) set", usable: true))
        }
        return IntegrationInventory(entries: entries)
    }
}
