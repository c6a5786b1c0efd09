import LLM

/// The offline answers of the engine's AI features, registered by feature label.
enum EngineOfflineResponders {
    static var provider: OfflineProvider {
        OfflineProvider()
            .registering(feature: TemplateDraftAssistant.feature, TemplateDraftOffline.responder)
            .registering(feature: RetentionAdvisor.feature, RetentionOffline.responder)
    }
}
