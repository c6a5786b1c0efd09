import Engine
import Storage

extension AutopilotConfiguration {
    /// This configuration with the store's cipher for tenants' secret settings (the key of `SecretKeySource`), where the
    /// environment named none.
    public func sealing(with cipher: SettingsCipher?) -> AutopilotConfiguration {
        var configuration = self
        if configuration.server.settingsCipher == nil { configuration.server.settingsCipher = cipher }
        if configuration.worker.settings.settingsCipher == nil { configuration.worker.settings.settingsCipher = cipher }
        return configuration
    }
}
