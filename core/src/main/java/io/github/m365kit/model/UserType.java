package io.github.m365kit.model;

/** Entra ID {@code userType}. */
public enum UserType {
  /** A member of the organisation. */ MEMBER,
  /** A B2B guest. */ GUEST
}
