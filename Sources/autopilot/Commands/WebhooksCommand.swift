import ArgumentParser
import Engine
import Foundation

struct WebhooksCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "webhooks", abstract: "Inbound webhooks from Shopify, WooCommerce, Stripe, Twilio, WhatsApp, Postmark, Mailgun, Judge.me and Yotpo.",
        subcommands: [Add.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create (or rotate) a tenant's webhook endpoint and print the URL to give the vendor.")

        @Argument(help: "shopify, woocommerce, stripe, twilio, whatsapp, postmark, mailgun, judgeme or yotpo.") var provider: String
        @Option(
            help:
                "The vendor's signing secret (Shopify app secret, WooCommerce secret, Stripe whsec_…, Twilio auth token, Postmark user:password, Mailgun signing key, Judge.me client secret or API token, Yotpo: a key of your choice): `-` reads it from standard input (also read when piped with no flag); a value here is visible in `ps`."
        )
        var secret: String?
        @Option(name: .customLong("secret-env"), help: "The environment variable holding the signing secret.") var secretEnv: String?
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Tenant id or name (default: the only tenant).") var tenant: String?

        func run() async throws {
            let secret = try SecretInput.read(
                value: self.secret, environmentVariable: secretEnv, flag: "--secret", environmentFlag: "--secret-env", environment: ProcessInfo.processInfo.environment)
            let provider = self.provider
            let tenant = self.tenant
            let path = try await CommandLineSetup.withMigratedStore(database.configuration) { store, dependencies in
                let tenantID = try await CommandLineSetup.tenantID(tenant, store: store)
                return try await WebhookService(dependencies: dependencies).register(provider: provider, secret: secret, tenantID: tenantID)
            }
            let key = provider.lowercased() == "yotpo" ? "?key=\(secret)" : ""
            print("POST https://<your Autopilot host>\(path)\(key)")
        }
    }
}
