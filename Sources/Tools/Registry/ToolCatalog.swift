/// Every tool Autopilot offers, in the order they are listed. One file per tool under `Catalog/`; a new tool is one
/// more file and one more line at the end of `all`.
///
/// Still to come, each backed by an engine service of its own: `schedule_callback`, `create_payment_link`,
/// `search_knowledge_base`, `create_support_ticket`, `hand_off_to_human`.
public enum ToolCatalog {
    public static let all: [Tool] = [
        .qualifyLead,
        .findContact,
        .checkOrderStatus,
        .searchProducts,
        .checkProductStock,
        .listRecommendations,
        .decideRecommendation,
        .listFlows,
        .flowStats,
        .listTemplates,
        .createTemplateDraft,
        .sendMessage,
        .weeklyReport,
    ]
}
