//! Shared detection of obligations and sanctions addressed to citizens and businesses in the regulation.
