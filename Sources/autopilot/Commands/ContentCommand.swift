import ArgumentParser
import AutopilotCore
import Content
import Engine
import Foundation
import Integrations
import Storage

/// `autopilot content blog`: the blog generator (docs/content.md).
struct ContentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "content", abstract: "Write marketing content with the language-model gateway (offline templates without a key).",
        subcommands: [Blog.self])

    struct Blog: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write an SEO blog article (title, meta description, H2 sections, call to action) in Markdown and HTML.")
        @Option(help: "What the article is about.") var topic: String
        @Option(help: "fr or en.") var language = "fr"
        @Option(help: "SEO keywords, comma-separated: \"a, b\".") var keywords: String?
        @Option(help: "PAS, AIDA (default) or FAB.") var framework: String?
        @Flag(help: "Critique and refine the article (at most 3 refinements, stopping when the score stops improving).") var agentic = false
        @Flag(help: "Post it to WordPress (WP_URL, WP_USER, WP_APP_PASSWORD).") var publish = false
        @Option(help: "WordPress post status with --publish: draft or publish.") var status = "draft"
        @Flag(help: "Post a summary to the Facebook Page and LinkedIn (see docs/content.md).") var distribute = false
        @Flag(help: "Print JSON: title, meta_description, markdown, html, provider, model, critiques…") var json = false
        @Option(help: "Tenant id or name for accounting (default: the only tenant, else none).") var tenant: String?
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let request: BlogRequest
            do {
                request = try BlogRequest(
                    topic: topic, language: language, keywords: keywords.map(BlogRequest.keywords(from:)) ?? [], framework: framework,
                    agentic: agentic)
            } catch let error as AutopilotCore.ValidationError {
                throw ArgumentParser.ValidationError("--\(error.field ?? "topic"): \(error.message)")
            }
            guard ["draft", "publish"].contains(status) else {
                throw ArgumentParser.ValidationError("--status: \"\(status)\" is not draft or publish")
            }
            let (flag, publish, distribute, status) = (tenant, publish, distribute, status)
            let environment = ProcessInfo.processInfo.environment
            let result = try await CommandLineSetup.withMigratedStore(database.configuration) { store, dependencies in
                let tenantID = try await ContentCommand.accountingTenant(flag, store: store)
                let generator = BlogGenerator(dependencies: dependencies, tenantID: tenantID)
                var result = try await generator.generate(request)
                if publish || distribute {
                    result.publications = await ContentPublication(environment: environment, wordpressStatus: status)
                        .run(result.article, publish: publish, distribute: distribute)
                    try await generator.record(result)
                }
                return result
            }
            if json {
                print(JSONValue.object(result.jsonObject).jsonString)
            } else {
                print(ContentCommand.text(result))
            }
            for failure in result.publications.compactMap(\.error) {
                FileHandle.standardError.write(Data("error: \(failure)\n".utf8))
            }
            if result.publications.contains(where: { !$0.succeeded }) { throw ExitCode.failure }
        }
    }

    /// `--tenant`, else the only tenant, else none (calls are accounted without a tenant).
    static func accountingTenant(_ flag: String?, store: SQLStore) async throws -> String {
        if flag != nil { return try await CommandLineSetup.tenantID(flag, store: store) }
        let tenants = try await store.tenants()
        return tenants.count == 1 ? tenants[0].id : ""
    }

    static func text(_ result: BlogResult) -> String {
        let meta = result.article.metaDescription
        var lines = [result.article.markdown, "---", "Meta description (\(meta.count)/155): \(meta)"]
        lines.append("Written by \(result.provider) (\(result.model))" + (result.offlineReason.map { " — \($0)" } ?? ""))
        for critique in result.critiques {
            lines.append(
                "Critique \(critique.cycle): relevance \(critique.relevance.score)/10, SEO \(critique.seo.score)/10, "
                    + "call to action \(critique.callToAction.score)/10 = \(critique.total)/30 (\(critique.provider))")
        }
        if let reason = result.stopReason { lines.append("Refinements: \(result.refinements), stopped: \(reason)") }
        for outcome in result.publications {
            let posted = "\(outcome.platform): posted \(outcome.url ?? outcome.postID ?? "")"
            lines.append(outcome.error.map { "\(outcome.platform): failed — \($0)" } ?? posted)
        }
        return lines.joined(separator: "\n")
    }
}
