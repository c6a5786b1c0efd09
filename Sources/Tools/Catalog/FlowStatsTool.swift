import AutopilotCore
import Engine
import Storage

extension Tool {
    /// `flow_stats {flow_id, from?, until?}`: one flow's runs, messages, opens, clicks, replies and attributed revenue.
    public static let flowStats = Tool(
        name: "flow_stats", title: "A flow's figures",
        description: "Answers one flow's figures over a period (all time by default): runs started, under way, completed and exited "
            + "(and why), messages queued, sent, held back by the sending rules (and why), delivered, opened, clicked and replied, the "
            + "orders and revenue attributed to it, and the same step by step.",
        effect: .readsOnly,
        input: Schema.object(
            [
                "flow_id": Schema.string("the flow's id, from list_flows", maxLength: 200),
                "from": Schema.string("start of the period, ISO 8601 with a time zone", maxLength: 64),
                "until": Schema.string("end of the period, ISO 8601 with a time zone", maxLength: 64),
            ], required: ["flow_id"]),
        output: Schema.object(
            ["flow": Schema.type("string"), "runs": Schema.anyObject, "messages": Schema.anyObject], required: ["flow", "runs", "messages"],
            open: true),
        run: { input, context in
            let analytics = FlowAnalytics(store: context.dependencies.store, tenantID: context.tenantID)
            let stats = try await analytics.stats(flowID: try input.string("flow_id"), from: try input.time("from"), until: try input.time("until"))
            return try JSONValue.encoding(stats)
        })
}
