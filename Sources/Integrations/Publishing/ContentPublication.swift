import AutopilotCore
import Foundation

/// `--publish` and `--distribute`: posts the article to WordPress, then a summary (title, meta description, link) to
/// the Facebook Page and LinkedIn. Each platform's failure is an outcome, never an error: the article is kept.
public struct ContentPublication: Sendable {
    public var environment: [String: String]
    public var http: PublishingHTTP
    /// The WordPress post status: `draft` (default) or `publish`.
    public var wordpressStatus: String

    public init(environment: [String: String], http: PublishingHTTP = PublishingHTTP(), wordpressStatus: String = "draft") {
        self.environment = environment
        self.http = http
        self.wordpressStatus = wordpressStatus
    }

    /// Publishes and distributes as asked; one outcome per platform tried, in order WordPress, Facebook, LinkedIn.
    public func run(_ article: some PublishableArticle, publish: Bool, distribute: Bool) async -> [PublicationOutcome] {
        var outcomes: [PublicationOutcome] = []
        var link: String?
        if publish {
            let outcome = await attempt("wordpress") {
                try await WordPressPublisher.fromEnvironment(environment, status: wordpressStatus).publish(article, http: http)
            }
            if outcome.status == "publish" { link = outcome.url }
            outcomes.append(outcome)
        }
        guard distribute else { return outcomes }
        let summary = Self.summary(article, link: link)
        outcomes.append(
            await attempt("facebook") {
                try await FacebookPagePublisher.fromEnvironment(environment).post(message: summary, link: link, http: http)
            })
        outcomes.append(
            await attempt("linkedin") {
                try await LinkedInPublisher.fromEnvironment(environment).post(
                    commentary: summary, link: link, title: article.title, description: article.metaDescription, http: http)
            })
        return outcomes
    }

    /// The social post: the title, the meta description, and the link when the article is online.
    public static func summary(_ article: some PublishableArticle, link: String?) -> String {
        ([article.title, article.metaDescription] + (link.map { [$0] } ?? [])).filter { !$0.isEmpty }.joined(separator: "\n\n")
    }

    private func attempt(_ platform: String, _ body: () async throws -> PublicationOutcome) async -> PublicationOutcome {
        do {
            return try await body()
        } catch let error as PublishingError {
            return PublicationOutcome(platform: platform, error: error)
        } catch {
            return PublicationOutcome(platform: platform, error: PublishingError(platform: platform, code: "failed", message: "\(error)"))
        }
    }
}
