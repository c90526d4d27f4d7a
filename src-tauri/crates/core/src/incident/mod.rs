//! Incidents: data security and protection incidents and near misses. So far this holds how an
//! incident is graded (`grading`); the incident records themselves are not built yet.

pub mod grading;
