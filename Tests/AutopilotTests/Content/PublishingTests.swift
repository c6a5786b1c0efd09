import AutopilotCore
import Content
import Engine
import Foundation
import Integrations
import TestSupport
import Testing

@Suite("Content — WordPress, Facebook and LinkedIn publishers against loopback servers")
struct PublishingTests {
    static let article = BlogArticle(
        language: .french, title: "Relancer les paniers", metaDescription: "Trois idées simples pour relancer les paniers abandonnés.",
        introduction: "Intro.", sections: [.init(heading: "Un", body: "Texte."), .init(heading: "Deux", body: "- point")],
        callToAction: "Contactez-nous.")

    /// Error bodies in each platform's documented shape.
    static let wordPressRefusal = """
        {"code": "rest_cannot_create", "message": "Sorry, you are not allowed to create posts as this user.", "data": {"status": 401}}
        """
    static let graphRefusal = """
        {"error": {"message": "Invalid OAuth access token.", "type": "OAuthException", "code": 190, "fbtrace_id": "A1"}}
        """
    static let linkedInRefusal = """
        {"status": 401, "serviceErrorCode": 65600, "code": "INVALID_ACCESS_TOKEN", "message": "Invalid access token"}
        """

    @Test func wordPressCreatesADraftWithBasicAuthentication() async throws {
        try await PublishingLoopbackServer.with(answer: { _ in
            .init(status: 201, body: #"{"id": 42, "link": "https://blog.example/?p=42", "status": "draft", "title": {"rendered": "x"}}"#)
        }) { server in
            let publisher = try WordPressPublisher.fromEnvironment(
                ["WP_URL": server.baseURL + "/", "WP_USER": "editor", "WP_APP_PASSWORD": "abcd efgh ijkl mnop"])
            let outcome = try await publisher.publish(Self.article, http: PublishingHTTP())
            #expect(outcome.platform == "wordpress" && outcome.postID == "42" && outcome.url == "https://blog.example/?p=42")
            #expect(outcome.status == "draft" && outcome.succeeded)
            let request = try #require(server.requests.first)
            #expect(request.path == "/wp-json/wp/v2/posts")
            let expected = "Basic " + Data("editor:abcd efgh ijkl mnop".utf8).base64EncodedString()
            #expect(request.header("Authorization") == expected)
            #expect(request.header("Content-Type") == "application/json")
            #expect(request.json["title"] == "Relancer les paniers" && request.json["status"] == "draft")
            #expect(Self.article.bodyHTML.hasPrefix("<p>Intro.</p>") && !Self.article.bodyHTML.contains("<h1>"))
            #expect(request.json["content"] == .string(Self.article.bodyHTML) && request.json["excerpt"] == .string(Self.article.metaDescription))
        }
    }

    @Test func wordPressRefusalsNameThePlatformAndTheReason() async throws {
        try await PublishingLoopbackServer.with(answer: { _ in
            .init(status: 401, body: Self.wordPressRefusal)
        }) { server in
            let publisher = WordPressPublisher(siteURL: server.baseURL, user: "editor", applicationPassword: "wrong", status: "publish")
            let error = try await #require(throws: PublishingError.self) { try await publisher.publish(Self.article, http: PublishingHTTP()) }
            #expect(error.platform == "WordPress" && error.code == "unauthorized" && error.status == 401)
            #expect(error.description.contains("rest_cannot_create") && error.description.contains("not allowed to create posts"))
            #expect(server.requests.first?.json["status"] == "publish")
        }
    }

    @Test func facebookPostsToThePageFeed() async throws {
        try await PublishingLoopbackServer.with(answer: { _ in .init(status: 200, body: #"{"id": "1234_5678"}"#) }) { server in
            let publisher = try FacebookPagePublisher.fromEnvironment(
                ["FACEBOOK_PAGE_ID": "1234", "FACEBOOK_PAGE_TOKEN": "page-token", "FACEBOOK_GRAPH_URL": server.baseURL + "/v24.0"])
            let outcome = try await publisher.post(message: "Nouvel article & co", link: "https://blog.example/?p=42", http: PublishingHTTP())
            #expect(outcome.postID == "1234_5678" && outcome.url == "https://www.facebook.com/1234_5678")
            let request = try #require(server.requests.first)
            #expect(request.path == "/v24.0/1234/feed")
            #expect(request.header("Content-Type") == "application/x-www-form-urlencoded")
            #expect(request.formFields == ["message": "Nouvel article & co", "link": "https://blog.example/?p=42", "access_token": "page-token"])
        }
    }

    @Test func facebookErrorsCarryTheGraphMessage() async throws {
        try await PublishingLoopbackServer.with(answer: { _ in
            .init(status: 400, body: Self.graphRefusal)
        }) { server in
            let publisher = FacebookPagePublisher(pageID: "1234", pageToken: "expired", graphURL: server.baseURL)
            let error = try await #require(throws: PublishingError.self) { try await publisher.post(message: "x", link: nil, http: PublishingHTTP()) }
            #expect(error.platform == "Facebook" && error.code == "rejected" && error.status == 400)
            #expect(error.message == "OAuthException — code 190 — Invalid OAuth access token.")
            #expect(server.requests.first?.formFields["link"] == nil)
        }
    }

    @Test func linkedInSharesThroughThePostsAPI() async throws {
        try await PublishingLoopbackServer.with(answer: { _ in
            .init(status: 201, headers: ["x-restli-id": "urn:li:share:6844785523593134080"], body: "")
        }) { server in
            let publisher = try LinkedInPublisher.fromEnvironment(
                ["LINKEDIN_ACCESS_TOKEN": "li-token", "LINKEDIN_AUTHOR_URN": "urn:li:organization:5515715", "LINKEDIN_BASE_URL": server.baseURL])
            let outcome = try await publisher.post(
                commentary: "Nouvel article (guide)", link: "https://blog.example/?p=42", title: "Relancer", description: "Trois idées",
                http: PublishingHTTP())
            #expect(outcome.postID == "urn:li:share:6844785523593134080")
            #expect(outcome.url == "https://www.linkedin.com/feed/update/urn:li:share:6844785523593134080")
            let request = try #require(server.requests.first)
            #expect(request.path == "/rest/posts")
            #expect(request.header("Authorization") == "Bearer li-token")
            #expect(request.header("LinkedIn-Version") == LinkedInPublisher.defaultVersion)
            #expect(request.header("X-Restli-Protocol-Version") == "2.0.0")
            let body = request.json
            #expect(body["author"] == "urn:li:organization:5515715" && body["visibility"] == "PUBLIC" && body["lifecycleState"] == "PUBLISHED")
            #expect(body["commentary"] == "Nouvel article \\(guide\\)")
            #expect(body["distribution"]?["feedDistribution"] == "MAIN_FEED")
            #expect(body["content"]?["article"]?["source"] == "https://blog.example/?p=42" && body["content"]?["article"]?["title"] == "Relancer")
        }
    }

    @Test func linkedInErrorsCarryItsMessage() async throws {
        try await PublishingLoopbackServer.with(answer: { _ in
            .init(status: 401, body: Self.linkedInRefusal)
        }) { server in
            let publisher = LinkedInPublisher(accessToken: "bad", authorURN: "urn:li:person:abc", baseURL: server.baseURL)
            let error = try await #require(throws: PublishingError.self) {
                try await publisher.post(commentary: "x", link: nil, title: "t", description: "d", http: PublishingHTTP())
            }
            #expect(error.platform == "LinkedIn" && error.code == "unauthorized")
            #expect(error.description == "LinkedIn: HTTP 401, unauthorized: INVALID_ACCESS_TOKEN — Invalid access token")
            #expect(server.requests.first?.json["content"] == nil)
        }
    }

    @Test func configurationErrorsNameTheVariable() {
        #expect(throws: PublishingError(platform: "WordPress", code: "configuration", message: "WP_USER is not set")) {
            try WordPressPublisher.fromEnvironment(["WP_URL": "https://x", "WP_APP_PASSWORD": "p"])
        }
        #expect(throws: PublishingError(platform: "LinkedIn", code: "configuration", message: "LINKEDIN_AUTHOR_URN \"abc\" is not a urn:li: URN")) {
            try LinkedInPublisher.fromEnvironment(["LINKEDIN_ACCESS_TOKEN": "t", "LINKEDIN_AUTHOR_URN": "abc"])
        }
    }

    @Test func publishingThenDistributingSharesTheLiveLinkAndNeverLosesTheArticle() async throws {
        try await PublishingLoopbackServer.with(answer: { request in
            switch request.path {
            case "/wp-json/wp/v2/posts": .init(status: 201, body: #"{"id": 7, "link": "https://blog.example/relancer", "status": "publish"}"#)
            case "/rest/posts": .init(status: 500, body: #"{"status": 500, "message": "Internal Server Error"}"#)
            default: .init(status: 200, body: #"{"id": "1_2"}"#)
            }
        }) { server in
            let environment = [
                "WP_URL": server.baseURL, "WP_USER": "u", "WP_APP_PASSWORD": "p", "FACEBOOK_PAGE_ID": "1", "FACEBOOK_PAGE_TOKEN": "t",
                "FACEBOOK_GRAPH_URL": server.baseURL, "LINKEDIN_ACCESS_TOKEN": "l", "LINKEDIN_AUTHOR_URN": "urn:li:person:x",
                "LINKEDIN_BASE_URL": server.baseURL,
            ]
            let outcomes = await ContentPublication(environment: environment, wordpressStatus: "publish")
                .run(Self.article, publish: true, distribute: true)
            #expect(outcomes.map(\.platform) == ["wordpress", "facebook", "linkedin"])
            #expect(outcomes.map(\.succeeded) == [true, true, false])
            #expect(outcomes[2].error?.code == "server" && outcomes[2].error?.platform == "LinkedIn")
            let facebook = try #require(server.requests.first { $0.path == "/1/feed" })
            #expect(facebook.formFields["link"] == "https://blog.example/relancer")
            #expect(facebook.formFields["message"] == ContentPublication.summary(Self.article, link: "https://blog.example/relancer"))
        }
        // Nothing configured: each platform says what is missing.
        let outcomes = await ContentPublication(environment: [:]).run(Self.article, publish: true, distribute: true)
        #expect(outcomes.map { $0.error?.message } == ["WP_URL is not set", "FACEBOOK_PAGE_ID is not set", "LINKEDIN_ACCESS_TOKEN is not set"])
    }
}
