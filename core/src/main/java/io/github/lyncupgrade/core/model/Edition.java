package io.github.lyncupgrade.core.model;

/** The edition of a pool (PROCEDURE T-1). */
public enum Edition {
  /** One server that holds its own back-end databases in SQL Server Express. */
  STANDARD,
  /** Several Front End servers in upgrade domains, with a Back End SQL Server store. */
  ENTERPRISE
}
