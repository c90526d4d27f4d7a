//! `custodian-desktop`: the Tauri shell. It owns the window, the app state and the list of
//! commands; every command is a thin adapter that converts a request, makes one call into
//! `custodian-core`, and maps the error. No business rule lives here.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod commands;
pub mod dto;
mod error;
mod known_vault;
mod state;

use tauri::Manager;

use crate::known_vault::AppFolders;
use crate::state::AppState;

/// Builds and runs the app until its window closes.
pub fn run() {
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        // Used from Rust only (`pack_open`); the webview is granted none of its commands.
        .plugin(tauri_plugin_opener::init())
        .setup(|app| {
            let folders = AppFolders::resolve(app.path().app_data_dir()?)?;
            let opened_with = std::env::args_os().skip(1).find(|a| !a.to_string_lossy().starts_with('-'));
            app.manage(AppState::new(folders, opened_with.map(Into::into)));
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::app::app_status,
            commands::vault::vault_create,
            commands::vault::vault_confirm_recovery_key,
            commands::vault::vault_choose,
            commands::vault::vault_forget,
            commands::vault::vault_open_demo,
            commands::session::session_sign_in,
            commands::session::session_sign_in_to_acknowledge,
            commands::session::session_recover,
            commands::session::session_set_new_password,
            commands::session::session_sign_out,
            commands::session::session_lock,
            commands::session::session_unlock,
            commands::settings::settings_set_idle_lock,
            commands::settings::settings_backups,
            commands::settings::settings_set_backups,
            commands::password::password_check,
            commands::people::people_list,
            commands::people::people_add,
            commands::people::people_update,
            commands::people::people_reset_password,
            commands::account::account_choose_password,
            commands::account::account_change_password,
            commands::account::account_regenerate_recovery_key,
            commands::audit::audit_list,
            commands::audit::audit_verify,
            commands::backup::backup_find,
            commands::backup::backup_restore,
            commands::pack::pack_create,
            commands::pack::pack_open,
            commands::pack::certificate_info,
            commands::pack::certificate_export,
            commands::pack::certificate_import,
            commands::policy::policy_list,
            commands::policy::policy_get,
            commands::policy::policy_text,
            commands::policy::policy_add,
            commands::policy::policy_update,
            commands::policy::policy_add_version,
            commands::policy::policy_edit_draft,
            commands::policy::policy_submit,
            commands::policy::policy_return_to_draft,
            commands::policy::policy_approval_statement,
            commands::policy::policy_approve,
            commands::policy::policy_publish,
            commands::policy::policy_review_statement,
            commands::policy::policy_review_no_change,
            commands::acknowledgement::ack_mine,
            commands::acknowledgement::ack_open,
            commands::acknowledgement::ack_reached_end,
            commands::acknowledgement::ack_acknowledge,
            commands::acknowledgement::ack_on_behalf,
            commands::acknowledgement::ack_matrix,
            commands::acknowledgement::ack_export,
            commands::acknowledgement::settings_set_compliance_bar,
            commands::files::export_open,
            commands::device::device_list,
            commands::device::device_get,
            commands::device::device_add,
            commands::device::device_update,
            commands::device::device_allocate,
            commands::device::device_return,
            commands::device::device_set_status,
            commands::device::device_import_preview,
            commands::device::device_import,
            commands::device::device_export,
            commands::dashboard::dashboard_view,
            commands::dashboard::dspt_evidence_map,
            commands::pack::pack_annual_statement,
            commands::pack::pack_annual_create,
            commands::disposal::disposal_list,
            commands::disposal::disposal_record,
            commands::disposal::disposal_check_statement,
            commands::disposal::disposal_check,
            commands::disposal::disposal_certificate_export,
            commands::byod::byod_list,
            commands::byod::byod_record,
            commands::byod::byod_add_checklist_item,
            commands::byod::byod_risk_statement,
            commands::byod::byod_accept_risk,
            commands::byod::notification_list,
            commands::byod::notification_dismiss,
            commands::incident::incident_list,
            commands::incident::incident_record,
            commands::incident::incident_grade,
            commands::incident::incident_action_add,
            commands::incident::incident_assess,
            commands::incident::incident_report,
            commands::incident::incident_status,
            commands::incident::incident_link_device,
            commands::incident::incident_closure_statement,
            commands::incident::incident_close_sign,
        ])
        .run(tauri::generate_context!())
        .expect("the Custodian window could not be started");
}
