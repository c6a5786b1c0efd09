import Content
import LLM

/// The offline answers of the engine's AI features, registered by feature label.
enum EngineOfflineResponders {
    static var provider: OfflineProvider {
        OfflineProvider()
            .registering(feature: TemplateDraftAssistant.feature, TemplateDraftOffline.responder)
            .registering(feature: RetentionAdvisor.feature, RetentionOffline.responder)
            .registering(feature: BlogGenerator.articleFeature, BlogOffline.articleResponder)
            .registering(feature: BlogGenerator.critiqueFeature, BlogCritiqueOffline.critiqueResponder)
            .registering(feature: BlogGenerator.refinementFeature, BlogCritiqueOffline.refinementResponder)
            .registering(feature: WeeklyReporter.feature, WeeklyReportOffline.responder)
    }
}
