import ArgumentParser

/// The `autopilot` command-line tool.
@main
struct Autopilot: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "autopilot",
        abstract: "Follows up your customers and leads: abandoned carts, reviews, win-back, lead nurture — explained and under your control.",
        version: "0.1.0",
        subcommands: [
            DemoCommand.self,
            ServeCommand.self, MigrateCommand.self, TenantsCommand.self, UsersCommand.self, IngestCommand.self, HealthCommand.self,
            FlowsCommand.self, TemplatesCommand.self, SimulateCommand.self, MessagesCommand.self, ReferralsCommand.self, WorkerCommand.self,
            WebhooksCommand.self, ChannelsCommand.self, QualifyCommand.self, CRMCommand.self, CLVCommand.self, ScoreCommand.self,
            RecommendationsCommand.self, BenchCommand.self, SettingsCommand.self,
            ContentCommand.self, ReportCommand.self, OrdersCommand.self,
            McpCommand.self,
            WidgetCommand.self,
            SegmentsCommand.self, BroadcastsCommand.self,
            ContactsCommand.self,
            SecretsCommand.self, BackupCommand.self, RestoreCommand.self,
        ])
}
