import AutopilotCore
import Content
import Engine
import Foundation
import LLM
import Storage
import Synchronization
import Testing

@Suite("Content — agentic critique loop against an OpenAI-compatible server")
struct BlogAgenticTests {
    /// Answers article requests with "Version N" (N = articles written so far, 0 the draft) and critique requests with
    /// the next scripted scores.
    final class Counts: Sendable {
        let articles = Mutex(0)
        let critiques = Mutex(0)
    }

    static func script(_ scores: [(Int, Int, Int)], counts: Counts) -> LoopbackChatServer.Reply {
        { body in
            let schema = body["response_format"]?["json_schema"]?["name"]?.stringValue
            if schema == BlogGenerator.critiqueFeature {
                let index = counts.critiques.withLock { count -> Int in
                    count += 1
                    return count - 1
                }
                let (relevance, seo, cta) = scores[min(index, scores.count - 1)]
                let answer: JSONValue = [
                    "relevance": ["score": .int(Int64(relevance)), "reasons": ["on topic"]],
                    "seo": ["score": .int(Int64(seo)), "reasons": ["keywords used"]],
                    "call_to_action": ["score": .int(Int64(cta)), "reasons": ["clear"]],
                    "suggestions": [.string("critique \(index)")],
                ]
                return answer.jsonString
            }
            let version = counts.articles.withLock { count -> Int in
                count += 1
                return count - 1
            }
            let article: JSONValue = [
                "title": .string("Version \(version)"), "meta_description": "A short description.", "introduction": "Intro with **bold**.",
                "sections": [["heading": "One", "body": "- a\n- b"], ["heading": "Two", "body": "Text [link](https://example.com)."]],
                "call_to_action": "Book a call today.",
            ]
            return article.jsonString
        }
    }

    @Test func theLoopStopsWhenTheScoreStopsImprovingAndKeepsTheBestArticle() async throws {
        let counts = Counts()
        let scores = [(5, 5, 5), (7, 7, 7), (7, 6, 6), (9, 9, 9)]
        try await LoopbackChatServer.with(reply: Self.script(scores, counts: counts)) { server in
            let harness = try await AITestHarness.make(environment: ["AUTOPILOT_LLM_BASE_URL": server.baseURL])
            let request = try BlogRequest(topic: "SEO e-commerce", language: "en", keywords: ["local SEO"], framework: "AIDA", agentic: true)
            let result = try await BlogGenerator(dependencies: harness.dependencies, tenantID: harness.tenantID).generate(request)
            // Draft 15, refinement 1 scores 21 (kept), refinement 2 scores 19: stop, keep refinement 1.
            #expect(result.critiques.map(\.total) == [15, 21, 19])
            #expect(result.critiques.map(\.cycle) == [0, 1, 2])
            #expect(result.refinements == 2 && result.stopReason == "score_stopped_improving")
            #expect(result.article.title == "Version 1")
            #expect(result.provider == "compatible" && result.offlineReason == nil)
            #expect(result.critiques[1].suggestions == ["critique 1"] && result.critiques[1].seo.reasons == ["keywords used"])
            let json = result.jsonObject
            #expect(json["critiques"]?.arrayValue?.count == 3 && json["stop_reason"] == "score_stopped_improving")
            #expect(json["critiques"]?[1]?["total"] == 21 && json["critiques"]?[1]?["provider"] == "compatible")

            // The refinement request carries the article and the critique it answers.
            let refinement = try #require(server.requests.first { $0["response_format"]?["json_schema"]?["name"] == "blog_refine" })
            let user = try #require(refinement["messages"]?.arrayValue?.last?["content"]?.stringValue)
            let document = try JSONParser.parse(user)
            #expect(document["article"]?["title"] == "Version 0" && document["critique"]?["relevance"]?["score"] == 5)

            let calls = try await harness.store.llmCalls(tenantID: harness.tenantID, from: .distantPast, to: .distantFuture)
            #expect(calls.map(\.feature) == ["blog_article", "blog_critique", "blog_refine", "blog_critique", "blog_refine", "blog_critique"])
            #expect(calls.allSatisfy { $0.provider == "compatible" && $0.outcome == "ok" })
        }
    }

    @Test func theLoopRunsAtMostThreeRefinements() async throws {
        let counts = Counts()
        let scores = [(2, 2, 2), (3, 3, 3), (4, 4, 4), (5, 5, 5), (9, 9, 9)]
        try await LoopbackChatServer.with(reply: Self.script(scores, counts: counts)) { server in
            let harness = try await AITestHarness.make(environment: ["AUTOPILOT_LLM_BASE_URL": server.baseURL])
            let request = try BlogRequest(topic: "Fidélisation", agentic: true)
            let result = try await BlogGenerator(dependencies: harness.dependencies, tenantID: harness.tenantID).generate(request)
            #expect(result.critiques.map(\.total) == [6, 9, 12, 15])
            #expect(result.refinements == 3 && result.stopReason == "maximum_cycles")
            #expect(result.article.title == "Version 3")
            #expect(counts.articles.withLock { $0 } == 4 && counts.critiques.withLock { $0 } == 4)
        }
    }

    @Test func aPerfectDraftIsNotRefined() async throws {
        let counts = Counts()
        try await LoopbackChatServer.with(reply: Self.script([(10, 10, 10)], counts: counts)) { server in
            let harness = try await AITestHarness.make(environment: ["AUTOPILOT_LLM_BASE_URL": server.baseURL])
            let request = try BlogRequest(topic: "Avis clients", agentic: true)
            let result = try await BlogGenerator(dependencies: harness.dependencies, tenantID: harness.tenantID).generate(request)
            #expect(result.critiques.map(\.total) == [30] && result.refinements == 0 && result.stopReason == "perfect_score")
            #expect(result.article.title == "Version 0" && counts.articles.withLock { $0 } == 1)
        }
    }

    @Test func outOfRangeScoresAreClamped() {
        let value: JSONValue = [
            "relevance": ["score": 1e300, "reasons": ["x"]], "seo": ["score": -4, "reasons": []], "call_to_action": ["score": 7.6, "reasons": []],
            "suggestions": [],
        ]
        let critique = BlogCritique(answer: value, cycle: 1, provider: "p", model: "m")
        #expect(critique.relevance.score == 10 && critique.seo.score == 0 && critique.callToAction.score == 8 && critique.total == 18)
    }
}
