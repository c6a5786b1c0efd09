import AutopilotCore
import Content
import Engine
import Foundation
import LLM
import Storage
import Testing

@Suite("Content — blog generator offline")
struct BlogGeneratorTests {
    @Test(arguments: BlogFramework.allCases, [ContentLanguage.french, .english])
    func offlineArticleHasTheDocumentedShape(_ framework: BlogFramework, _ language: ContentLanguage) async throws {
        let harness = try await AITestHarness.make()
        let request = try BlogRequest(
            topic: "relance des paniers abandonnés", language: language.rawValue, keywords: ["email de relance", "taux de conversion"],
            framework: framework.rawValue)
        let result = try await BlogGenerator(dependencies: harness.dependencies, tenantID: harness.tenantID).generate(request)
        let article = result.article
        #expect(!article.title.isEmpty && article.title.lowercased().contains("relance des paniers abandonnés"))
        #expect(!article.metaDescription.isEmpty && article.metaDescription.count <= 155)
        // The framework shapes the sections: its stages, in order, then the call to action.
        #expect(article.sections.map(\.heading) == framework.stages(language: language))
        let h2 = article.markdown.split(separator: "\n").filter { $0.hasPrefix("## ") }
        #expect(h2.count == framework.stages(language: language).count + 1)
        #expect(h2.last.map(String.init) == "## " + article.callToActionHeading)
        #expect(!article.callToAction.isEmpty && article.html.contains(MarkdownHTML.escape(article.callToAction)))
        for keyword in request.keywords { #expect(article.markdown.contains(keyword)) }
        #expect(article.html.hasPrefix("<h1>") && HTMLShape.problem(in: article.html) == nil)
        #expect(article.html.components(separatedBy: "<h2>").count - 1 == h2.count)
        #expect(result.provider == "offline" && result.model == OfflineProvider.model && result.offlineReason == "no_provider_configured")
        #expect(result.jsonObject["critiques"] == nil && result.jsonObject["agentic"] == false)

        let written = try #require(try await harness.store.generatedText(subject: "blog:\(result.id)", tenantID: harness.tenantID))
        #expect(written.provider == "offline" && written.feature == BlogGenerator.articleFeature && written.prompt == request.topic)
        let calls = try await harness.store.llmCalls(tenantID: harness.tenantID, from: .distantPast, to: .distantFuture)
        #expect(calls.map(\.feature) == [BlogGenerator.articleFeature])
    }

    @Test func offlineOutputIsDeterministic() async throws {
        let harness = try await AITestHarness.make()
        let generator = BlogGenerator(dependencies: harness.dependencies, tenantID: harness.tenantID)
        let request = try BlogRequest(topic: "SEO e-commerce 2026", language: "en", keywords: ["local SEO"], framework: "PAS", agentic: true)
        let first = try await generator.generate(request)
        let second = try await generator.generate(request)
        #expect(first.article == second.article)
        #expect(first.critiques.map(\.total) == second.critiques.map(\.total))
        #expect(first.id != second.id)
    }

    @Test func offlineAgenticModeKeepsItsRuleBasedCritiques() async throws {
        let harness = try await AITestHarness.make()
        // No keyword in the text and a topic longer than a good title: the rules find something to fix.
        let request = try BlogRequest(
            topic: "comment une petite boutique de thé peut fidéliser ses clients avec des emails", language: "fr",
            keywords: ["programme de fidélité", "newsletter"], framework: "FAB", agentic: true)
        let result = try await BlogGenerator(dependencies: harness.dependencies, tenantID: harness.tenantID).generate(request)
        #expect(!result.critiques.isEmpty && result.critiques.count <= BlogGenerator.maximumCycles + 1)
        #expect(result.critiques.first?.cycle == 0 && result.critiques.allSatisfy { $0.provider == "offline" })
        #expect(result.critiques.allSatisfy { (0...30).contains($0.total) && !$0.seo.reasons.isEmpty })
        #expect(result.refinements <= BlogGenerator.maximumCycles)
        let reason = try #require(result.stopReason)
        #expect(["score_stopped_improving", "maximum_cycles", "perfect_score"].contains(reason))
        let critiques = try #require(result.jsonObject["critiques"]?.arrayValue)
        #expect(critiques.count == result.critiques.count && critiques[0]["relevance"]?["score"]?.intValue != nil)
        let features = Set(try await harness.store.llmCalls(tenantID: harness.tenantID, from: .distantPast, to: .distantFuture).map(\.feature))
        #expect(features.isSuperset(of: [BlogGenerator.articleFeature, BlogGenerator.critiqueFeature]))
    }

    @Test func hostileTopicIsEscapedInTheHTML() async throws {
        let harness = try await AITestHarness.make()
        let request = try BlogRequest(topic: "<script>alert('x')</script> & \"quotes\"", language: "en", keywords: ["<b>bold</b>"])
        let result = try await BlogGenerator(dependencies: harness.dependencies, tenantID: harness.tenantID).generate(request)
        let html = result.article.html
        #expect(!html.contains("<script") && !html.contains("<b>"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;"))
        #expect(HTMLShape.problem(in: html) == nil)
    }

    @Test func longTopicsKeepTheMetaDescriptionWithinItsLimit() async throws {
        let harness = try await AITestHarness.make()
        let topic = String(repeating: "stratégie de contenu pour boutiques ", count: 5).trimmingCharacters(in: .whitespaces)
        let request = try BlogRequest(topic: String(topic.prefix(200)), keywords: ["a", "b", "c", "d"])
        let result = try await BlogGenerator(dependencies: harness.dependencies, tenantID: harness.tenantID).generate(request)
        #expect(result.article.metaDescription.count <= 155 && result.article.metaDescription.hasSuffix("…"))
        #expect(result.article.title.count <= BlogArticle.titleLimit)
    }

    @Test(arguments: [
        ([:] as JSONObject, "topic"),
        (["topic": "  "] as JSONObject, "topic"),
        (["topic": .string(String(repeating: "x", count: 201))] as JSONObject, "topic"),
        (["topic": "x", "language": "de"] as JSONObject, "language"),
        (["topic": "x", "framework": "SWOT"] as JSONObject, "framework"),
        (["topic": "x", "keywords": 3] as JSONObject, "keywords"),
        (["topic": "x", "keywords": ["a", 1]] as JSONObject, "keywords[1]"),
        (["topic": "x", "agentic": "yes"] as JSONObject, "agentic"),
        (["topic": "x", "tone": "warm"] as JSONObject, "tone"),
    ])
    func badRequestsNameTheField(_ document: JSONObject, _ field: String) throws {
        let error = try #require(throws: ValidationError.self) { try BlogRequest(document: document) }
        #expect(error.field == field && error.code == BlogRequest.errorCode)
    }

    @Test func keywordsComeAsAnArrayOrACommaSeparatedString() throws {
        let fromText = try BlogRequest(document: ["topic": "x", "keywords": "a, b ,, c", "framework": "fab", "language": "EN"])
        #expect(fromText.keywords == ["a", "b", "c"] && fromText.framework == .fab && fromText.language == .english)
        let fromArray = try BlogRequest(document: ["topic": "x", "keywords": ["a", "b"]])
        #expect(fromArray.keywords == ["a", "b"] && fromArray.framework == .aida && fromArray.language == .french)
    }
}
