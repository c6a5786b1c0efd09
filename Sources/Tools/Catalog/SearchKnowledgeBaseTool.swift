import AutopilotCore
import Engine

extension Tool {
    /// `search_knowledge_base {query, limit?}`: the passages of the shop's FAQ and policy documents that answer a question.
    public static let searchKnowledgeBase = Tool(
        name: "search_knowledge_base", title: "Search the shop's FAQ and policies",
        description: "Finds the passages of the shop's own FAQ and policy documents (delivery, returns, payment, opening hours…) "
            + "that match a question, best first, with their document's title. Answer a customer from these words only; when "
            + "nothing matches, say so rather than guess.",
        effect: .readsOnly,
        input: Schema.object(
            [
                "query": Schema.string("the question or its key words, in French or English", maxLength: 500),
                "limit": Schema.integer("how many passages at most (5 when not given)", minimum: 1, maximum: 20),
            ], required: ["query"]),
        output: Schema.object(["passages": Schema.array(of: Schema.anyObject)], required: ["passages"]),
        run: { input, context in
            let results = try await KnowledgeBaseService(dependencies: context.dependencies).search(
                tenantID: context.tenantID, query: try input.string("query"), limit: try input.integer("limit", default: 5, in: 1...20))
            return ["passages": try JSONValue.encoding(results)]
        })
}
