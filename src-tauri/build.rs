//! Declares the app's commands so each must be allowed, one by one, in `capabilities/`.

fn main() {
    let commands = tauri_build::AppManifest::new().commands(&[
        "app_status",
        "vault_create",
        "vault_confirm_recovery_key",
        "vault_choose",
        "vault_forget",
        "vault_open_demo",
        "session_sign_in",
        "session_recover",
        "session_set_new_password",
        "session_sign_out",
        "session_lock",
        "session_unlock",
        "settings_set_idle_lock",
        "settings_backups",
        "settings_set_backups",
        "password_check",
        "people_list",
        "people_add",
        "people_update",
        "people_reset_password",
        "account_choose_password",
        "account_change_password",
        "account_regenerate_recovery_key",
        "audit_list",
        "audit_verify",
        "backup_find",
        "backup_restore",
        "pack_create",
        "pack_open",
        "certificate_info",
        "certificate_export",
        "certificate_import",
    ]);
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(commands)).expect("tauri build script failed");
}
