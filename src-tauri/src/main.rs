//! Starts the Custodian desktop app.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    custodian_desktop::run();
}
