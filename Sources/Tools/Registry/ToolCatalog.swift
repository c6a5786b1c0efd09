/// Every tool Autopilot offers, in the order they are listed. One file per tool under `Catalog/`; a new tool is one
/// more file and one more line at the end of `all`.

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
        .searchKnowledgeBase,
        .scheduleCallback,
        .createPaymentLink,
        .createSupportTicket,
        .handOffToHuman,
    ]
}
