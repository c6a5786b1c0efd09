import AutopilotCore
import Engine

extension Tool {
    /// `list_flows {}`: the shop's follow-up flows, whether each is on, and how many runs are under way.
    public static let listFlows = Tool(
        name: "list_flows", title: "List the flows",
        description: "Answers every follow-up flow of the shop (abandoned cart, review request, birthday, win-back, lead nurture…): its "
            + "id, name, what starts it, the version running, whether it is on or paused and why, and how many runs are under way.",
        effect: .readsOnly,
        input: Schema.object([:]),
        output: Schema.object(
            [
                "flows": Schema.array(
                    of: Schema.object(
                        [
                            "id": Schema.type("string"), "name": Schema.type("string"), "enabled": Schema.type("boolean"),
                            "trigger": Schema.type("string"), "active_runs": Schema.type("integer"),
                        ], required: ["id", "name", "enabled", "trigger", "active_runs"], open: true))
            ], required: ["flows"]),
        run: { _, context in
            let flows = try await FlowAdministration(dependencies: context.dependencies, tenantID: context.tenantID).list()
            return ["flows": try JSONValue.encoding(flows)]
        })
}
