// The grammar of the slac language (Chevrotain, CST output, error recovery on). One clause per
// line; a clause that opens a block (calendar, severities, maintenance...) owns the lines that
// follow it until the next top-level keyword. No semantic actions here: see cst-to-ast.ts.

import { CstParser, type CstNode, type IOrAlt, type IToken, type OrMethodOpts } from 'chevrotain';
import { messageProvider } from './messages';
import * as T from './tokens';

const OBJECTIVE_TOKENS = new Set([T.Response, T.Restoration, T.Resolution, T.Update]);
const CLOCK_WORDS = new Set([T.Starts, T.Never, T.Pauses, T.Reopened]);

class SlacParser extends CstParser {
  /**
   * `validate` runs Chevrotain's grammar validations (ambiguities, left recursion...): a test does
   * so on every run; the CLI skips them, since they cost a cold start ~50 ms and cannot change.
   */
  constructor(validate = false) {
    super(T.allTokens, {
      recoveryEnabled: true,
      maxLookahead: 4,
      errorMessageProvider: messageProvider,
      skipValidations: !validate,
      nodeLocationTracking: 'onlyOffset',
    });
    this.performSelfAnalysis();
  }

  contractFile = this.RULE('contractFile', () => {
    this.MANY(() => {
      this.OR([
        { ALT: () => this.CONSUME(T.Newline) },
        { ALT: () => this.SUBRULE(this.statement) },
        { ALT: () => this.SUBRULE(this.unknownLine) },
      ]);
    });
  });

  /** A line that starts with no clause keyword (or a misspelt one): kept so the rest of the file still parses. */
  unknownLine = this.RULE('unknownLine', () => {
    this.OR([{ ALT: () => this.CONSUME(T.LineStart) }, { ALT: () => this.CONSUME(T.MisspeltKeyword) }]);
    this.MANY(() => this.CONSUME(T.NotNewline));
    this.CONSUME(T.Newline);
  });

  /**
   * A line of a block that reads as none of its lines: kept in the block (which owns every line up
   * to the next clause keyword), so one bad line neither ends the block nor hides the lines after it.
   */
  unreadableLine = this.RULE('unreadableLine', () => {
    this.CONSUME(T.LineStart);
    this.MANY(() => this.CONSUME(T.NotNewline));
    this.CONSUME(T.Newline);
  });

  /** The alternatives of a block's lines, chosen on their first word, then an unreadable line. */
  private blockLines(alts: IOrAlt<unknown>[]): OrMethodOpts<unknown> {
    return { MAX_LOOKAHEAD: 1, DEF: [...alts, { ALT: () => this.SUBRULE(this.unreadableLine), IGNORE_AMBIGUITIES: true }] };
  }

  statement = this.RULE('statement', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.contractStmt) },
      { ALT: () => this.SUBRULE(this.versionStmt) },
      { ALT: () => this.SUBRULE(this.effectiveStmt) },
      { ALT: () => this.SUBRULE(this.partyStmt) },
      { ALT: () => this.SUBRULE(this.timeZoneStmt) },
      { ALT: () => this.SUBRULE(this.calendarBlock) },
      { ALT: () => this.SUBRULE(this.severitiesBlock) },
      { ALT: () => this.SUBRULE(this.plansStmt) },
      { ALT: () => this.SUBRULE(this.categoriesBlock) },
      { ALT: () => this.SUBRULE(this.objectiveBlock) },
      { ALT: () => this.SUBRULE(this.causesBlock) },
      { ALT: () => this.SUBRULE(this.channelsBlock) },
      { ALT: () => this.SUBRULE(this.maintenanceBlock) },
      { ALT: () => this.SUBRULE(this.availabilityBlock) },
      { ALT: () => this.SUBRULE(this.reliabilityStmt) },
      { ALT: () => this.SUBRULE(this.creditsBlock) },
      { ALT: () => this.SUBRULE(this.noteBlock) },
      { ALT: () => this.SUBRULE(this.regionsBlock) },
      { ALT: () => this.SUBRULE(this.pauseReasonsBlock) },
      { ALT: () => this.SUBRULE(this.clocksBlock) },
      { ALT: () => this.SUBRULE(this.updateStmt) },
      { ALT: () => this.SUBRULE(this.servicesBlock) },
      { ALT: () => this.SUBRULE(this.setupsBlock) },
      { ALT: () => this.SUBRULE(this.currencyStmt) },
      { ALT: () => this.SUBRULE(this.reportStmt) },
      { ALT: () => this.SUBRULE(this.terminationStmt) },
      { ALT: () => this.SUBRULE(this.environmentsBlock) },
      { ALT: () => this.SUBRULE(this.periodsStmt) },
      { ALT: () => this.SUBRULE(this.fiscalYearStmt) },
    ]);
  });

  // ---- header --------------------------------------------------------------------------
  contractStmt = this.RULE('contractStmt', () => {
    this.CONSUME(T.Contract);
    this.CONSUME(T.StringLit);
    this.CONSUME(T.Newline);
  });

  versionStmt = this.RULE('versionStmt', () => {
    this.CONSUME(T.Version);
    this.OR([
      { ALT: () => this.CONSUME(T.NumberLit) },
      { ALT: () => this.CONSUME(T.HeaderWord) },
      { ALT: () => this.CONSUME(T.StringLit) },
      { ALT: () => this.CONSUME(T.DateLit) },
    ]);
    this.CONSUME(T.Newline);
  });

  effectiveStmt = this.RULE('effectiveStmt', () => {
    this.CONSUME(T.Effective);
    this.OR([{ ALT: () => this.CONSUME(T.DateLit) }, { ALT: () => this.CONSUME(T.Unspecified) }]);
    this.CONSUME(T.Newline);
  });

  partyStmt = this.RULE('partyStmt', () => {
    this.OR([{ ALT: () => this.CONSUME(T.Provider) }, { ALT: () => this.CONSUME(T.Customer) }]);
    this.CONSUME(T.StringLit);
    this.CONSUME(T.Newline);
  });

  timeZoneStmt = this.RULE('timeZoneStmt', () => {
    this.CONSUME(T.Time);
    this.CONSUME(T.Zone);
    this.OR(this.zoneNameAlternatives());
    this.CONSUME(T.Newline);
  });

  /** A zone name: quoted, or IANA names joined by slashes (`America/Bogota`); the caller's OR may add alternatives. */
  private zoneNameAlternatives() {
    return [
      { ALT: () => this.CONSUME(T.StringLit) },
      {
        ALT: () => {
          this.CONSUME(T.Name);
          this.MANY(() => {
            this.CONSUME(T.Slash);
            this.CONSUME2(T.Name);
          });
        },
      },
    ];
  }

  // ---- calendars -------------------------------------------------------------------------
  calendarBlock = this.RULE('calendarBlock', () => {
    this.CONSUME(T.Calendar);
    this.CONSUME(T.HeaderWord);
    this.OPTION2(() => {
      this.CONSUME(T.In);
      this.SUBRULE(this.zoneName);
    });
    this.OPTION(() => this.CONSUME(T.StringLit));
    this.CONSUME(T.Newline);
    this.MANY(() => {
      this.OR(this.blockLines([{ ALT: () => this.CONSUME2(T.Newline) }, { ALT: () => this.SUBRULE(this.calendarLine) }]));
    });
  });

  calendarLine = this.RULE('calendarLine', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.hoursLine) },
      { ALT: () => this.SUBRULE(this.weekSpanLine) },
      { ALT: () => this.SUBRULE(this.publicHolidaysLine) },
      { ALT: () => this.SUBRULE(this.holidaysOfLine) },
      { ALT: () => this.SUBRULE(this.addHolidayLine) },
      { ALT: () => this.SUBRULE(this.removeHolidayLine) },
      { ALT: () => this.SUBRULE(this.pinnedHolidaysLine) },
    ]);
  });

  hoursLine = this.RULE('hoursLine', () => {
    this.SUBRULE(this.daySpec);
    this.SUBRULE(this.timeRange);
    this.MANY(() => {
      this.CONSUME(T.Comma);
      this.SUBRULE2(this.timeRange);
    });
    this.CONSUME(T.Newline);
  });

  daySpec = this.RULE('daySpec', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Every);
          this.CONSUME(T.Days);
        },
      },
      {
        ALT: () => {
          this.SUBRULE(this.dayRange);
          this.MANY(() => {
            this.CONSUME(T.Comma);
            this.SUBRULE2(this.dayRange);
          });
        },
      },
    ]);
  });

  dayRange = this.RULE('dayRange', () => {
    this.CONSUME(T.DayName);
    this.OPTION(() => {
      this.CONSUME(T.To);
      this.CONSUME2(T.DayName);
    });
  });

  timeRange = this.RULE('timeRange', () => {
    this.CONSUME(T.TimeLit);
    this.CONSUME(T.To);
    this.CONSUME2(T.TimeLit);
  });

  /** An IANA zone name written bare: Europe/London, America/Argentina/Buenos_Aires, UTC. */
  zoneName = this.RULE('zoneName', () => {
    this.CONSUME(T.Name);
    this.MANY(() => {
      this.CONSUME(T.Slash);
      this.CONSUME2(T.Name);
    });
  });

  /** `monday 00:00 in Asia/Tokyo to friday 17:00`: one range over several days, each end in its own zone. */
  weekSpanLine = this.RULE('weekSpanLine', () => {
    this.CONSUME(T.DayName);
    this.CONSUME(T.TimeLit);
    this.OPTION(() => {
      this.CONSUME(T.In);
      this.SUBRULE(this.zoneName);
    });
    this.CONSUME(T.To);
    this.CONSUME2(T.DayName);
    this.CONSUME2(T.TimeLit);
    this.OPTION2(() => {
      this.CONSUME2(T.In);
      this.SUBRULE2(this.zoneName);
    });
    this.CONSUME(T.Newline);
  });

  publicHolidaysLine = this.RULE('publicHolidaysLine', () => {
    this.CONSUME(T.Public);
    this.CONSUME(T.Holidays);
    this.CONSUME(T.Of);
    this.CONSUME(T.HeaderWord);
    this.CONSUME(T.Newline);
  });

  /** `holidays of SE: public, bank, observance`: date-holidays' types, chosen per calendar. */
  holidaysOfLine = this.RULE('holidaysOfLine', () => {
    this.CONSUME(T.Holidays);
    this.CONSUME(T.Of);
    this.CONSUME(T.HeaderWord);
    this.CONSUME(T.Colon);
    this.CONSUME2(T.HeaderWord);
    this.MANY(() => {
      this.CONSUME(T.Comma);
      this.CONSUME3(T.HeaderWord);
    });
    this.CONSUME(T.Newline);
  });

  addHolidayLine = this.RULE('addHolidayLine', () => {
    this.CONSUME(T.Holiday);
    this.CONSUME(T.DateLit);
    this.OPTION(() => this.CONSUME(T.StringLit));
    this.CONSUME(T.Newline);
  });

  removeHolidayLine = this.RULE('removeHolidayLine', () => {
    this.CONSUME(T.Not);
    this.CONSUME(T.A);
    this.CONSUME(T.Holiday);
    this.CONSUME(T.DateLit);
    this.OPTION(() => this.CONSUME(T.StringLit));
    this.CONSUME(T.Newline);
  });

  pinnedHolidaysLine = this.RULE('pinnedHolidaysLine', () => {
    this.CONSUME(T.Pinned);
    this.CONSUME(T.Holidays);
    this.CONSUME(T.NumberLit);
    this.OPTION(() => this.CONSUME(T.Colon));
    this.CONSUME(T.DateLit);
    this.MANY(() => {
      this.CONSUME(T.Comma);
      this.MANY2(() => this.CONSUME(T.Newline));
      this.CONSUME2(T.DateLit);
    });
    this.CONSUME2(T.Newline);
  });

  // ---- severities, plans, categories ------------------------------------------------------
  severitiesBlock = this.RULE('severitiesBlock', () => {
    this.CONSUME(T.Severities);
    this.CONSUME(T.Newline);
    this.MANY(() => {
      this.OR(this.blockLines([{ ALT: () => this.CONSUME2(T.Newline) }, { ALT: () => this.SUBRULE(this.severityLine) }]));
    });
  });

  severityLine = this.RULE('severityLine', () => {
    this.CONSUME(T.Name);
    this.OPTION(() => this.CONSUME(T.StringLit));
    this.OPTION2(() => this.SUBRULE(this.aliasPart));
    this.OPTION3(() => this.CONSUME2(T.StringLit));
    this.CONSUME(T.Newline);
  });

  aliasPart = this.RULE('aliasPart', () => {
    this.OR([{ ALT: () => this.CONSUME(T.Alias) }, { ALT: () => this.CONSUME(T.Aliases) }]);
    this.SUBRULE(this.aliasValue);
    this.MANY(() => {
      this.CONSUME(T.Comma);
      this.SUBRULE2(this.aliasValue);
    });
  });

  aliasValue = this.RULE('aliasValue', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.NumberLit) },
      { ALT: () => this.CONSUME(T.HeaderWord) },
    ]);
  });

  plansStmt = this.RULE('plansStmt', () => {
    this.CONSUME(T.Plans);
    this.CONSUME(T.HeaderWord);
    this.MANY(() => {
      this.OR([{ ALT: () => this.CONSUME(T.Comma) }, { ALT: () => this.CONSUME(T.Less) }]);
      this.CONSUME2(T.HeaderWord);
    });
    this.CONSUME(T.Newline);
  });

  categoriesBlock = this.RULE('categoriesBlock', () => {
    this.CONSUME(T.Categories);
    this.CONSUME(T.Newline);
    this.MANY(() => {
      this.OR(
        this.blockLines([
          { ALT: () => this.CONSUME2(T.Newline) },
          { ALT: () => this.SUBRULE(this.tableRow) },
          { ALT: () => this.SUBRULE(this.categoryLine) },
        ]),
      );
    });
  });

  categoryLine = this.RULE('categoryLine', () => {
    this.CONSUME(T.Name);
    this.OPTION(() => this.CONSUME(T.StringLit));
    this.CONSUME(T.Newline);
  });

  // ---- objectives ------------------------------------------------------------------------
  objectiveBlock = this.RULE('objectiveBlock', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.Response) },
      { ALT: () => this.CONSUME(T.Restoration) },
      { ALT: () => this.CONSUME(T.Resolution) },
    ]);
    this.OR2([
      {
        ALT: () => {
          this.CONSUME(T.Targets);
          // `response targets for environment production`: a table for some incidents only.
          this.OPTION2(() => this.SUBRULE(this.targetScope));
          this.CONSUME(T.Newline);
          this.MANY(() => {
            this.OR3(this.blockLines([{ ALT: () => this.CONSUME2(T.Newline) }, { ALT: () => this.SUBRULE(this.tableRow) }]));
          });
        },
      },
      {
        ALT: () => {
          this.SUBRULE(this.targetValue);
          this.OPTION(() => {
            this.CONSUME(T.For);
            this.CONSUME(T.Every);
            this.CONSUME(T.Incident);
          });
          this.CONSUME3(T.Newline);
        },
      },
    ]);
  });

  targetValue = this.RULE('targetValue', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.None) },
      {
        ALT: () => {
          // `within 1 business day` reads as `1 business day`.
          this.OPTION2(() => this.CONSUME(T.Within));
          this.SUBRULE(this.duration);
          this.OPTION(() => this.SUBRULE(this.via));
        },
      },
    ]);
  });

  duration = this.RULE('duration', () => {
    this.CONSUME(T.NumberLit);
    this.OPTION(() => this.CONSUME(T.HeaderWord));
    // `1 regional business day`: the second word after `regional`.
    this.OPTION2(() => this.CONSUME2(T.HeaderWord));
    this.OR([
      { ALT: () => this.CONSUME(T.Minutes) },
      { ALT: () => this.CONSUME(T.Hours) },
      { ALT: () => this.CONSUME(T.Days) },
    ]);
    // `2 days on calendar support`: business time on a calendar whose name is not an adjective.
    this.OPTION3(() => {
      this.CONSUME(T.On);
      this.CONSUME(T.Calendar);
      this.CONSUME3(T.HeaderWord);
    });
  });

  via = this.RULE('via', () => {
    this.CONSUME(T.By);
    this.CONSUME(T.HeaderWord);
    this.MANY(() => {
      this.CONSUME(T.Then);
      this.CONSUME2(T.HeaderWord);
    });
  });

  // ---- tables ----------------------------------------------------------------------------
  tableRow = this.RULE('tableRow', () => {
    this.CONSUME(T.Pipe);
    this.MANY(() => {
      this.OPTION(() => this.SUBRULE(this.cellValue));
      this.CONSUME2(T.Pipe);
    });
    this.CONSUME(T.Newline);
  });

  cellValue = this.RULE('cellValue', () => {
    this.OR([
      // `3 days of service` (a credit) before a duration: `3 days` starts both.
      { ALT: () => this.SUBRULE(this.serviceDaysCell) },
      { ALT: () => this.SUBRULE(this.targetValue) },
      // `2.00 EUR` (a credit in money) after a duration: `2 business hours` starts with a number and a word too.
      { ALT: () => this.SUBRULE(this.moneyCell) },
      // Before a lone percentage: `99.00% to < 99.99%` starts with one.
      { ALT: () => this.SUBRULE(this.bound) },
      { ALT: () => this.CONSUME(T.PercentLit) },
      { ALT: () => this.CONSUME(T.StringLit) },
      {
        ALT: () => {
          this.AT_LEAST_ONE(() => this.CONSUME(T.HeaderWord));
          // `end of next business day`, `next business day by 12:00` (cst-to-ast reads the words).
          this.OPTION(() => {
            this.CONSUME(T.Days);
            this.OPTION2(() => {
              this.CONSUME(T.By);
              this.CONSUME(T.TimeLit);
            });
            this.OPTION3(() => this.SUBRULE(this.via));
          });
        },
      },
    ]);
  });

  /** `3 days of service`: a credit of that many days of the month's charge. */
  serviceDaysCell = this.RULE('serviceDaysCell', () => {
    this.CONSUME(T.NumberLit);
    this.CONSUME(T.Days);
    this.CONSUME(T.Of);
    this.CONSUME(T.Service);
  });

  /** `2.00 EUR`: a fixed credit in the contract's currency. */
  moneyCell = this.RULE('moneyCell', () => {
    this.CONSUME(T.NumberLit);
    this.CONSUME(T.Name);
  });

  bound = this.RULE('bound', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Between);
          this.CONSUME(T.PercentLit);
          this.CONSUME(T.And);
          this.CONSUME2(T.PercentLit);
        },
      },
      {
        // `at least 99% and below 99.9%`, `< 95%`, `>= 95% and < 99%`; `< 99.99% - 99.5%` (below 99.99%, down to 99.5%)
        ALT: () => {
          this.SUBRULE(this.boundSide);
          this.OPTION(() => {
            this.OR2([
              {
                ALT: () => {
                  this.CONSUME2(T.And);
                  this.SUBRULE2(this.boundSide);
                },
              },
              {
                ALT: () => {
                  this.CONSUME(T.Minus);
                  this.CONSUME6(T.PercentLit);
                },
              },
            ]);
          });
        },
      },
      {
        // `99.00% to < 99.99%` (or `to <=`)
        ALT: () => {
          this.CONSUME3(T.PercentLit);
          this.CONSUME(T.To);
          this.OR3([{ ALT: () => this.CONSUME(T.Less) }, { ALT: () => this.CONSUME(T.LessEqual) }]);
          this.CONSUME4(T.PercentLit);
        },
      },
      {
        // `99.0 - 99.9 %`, `99.00% - 99.90%`: ambiguous at its ends (SLA3705)
        ALT: () => {
          this.OR5([{ ALT: () => this.CONSUME(T.NumberLit) }, { ALT: () => this.CONSUME7(T.PercentLit) }]);
          this.CONSUME2(T.Minus);
          this.CONSUME8(T.PercentLit);
        },
      },
    ]);
  });

  boundSide = this.RULE('boundSide', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.At);
          this.OR2([{ ALT: () => this.CONSUME(T.Least) }, { ALT: () => this.CONSUME(T.Most) }]);
        },
      },
      { ALT: () => this.CONSUME(T.Above) },
      { ALT: () => this.CONSUME(T.Below) },
      { ALT: () => this.CONSUME(T.Less) },
      { ALT: () => this.CONSUME(T.LessEqual) },
      { ALT: () => this.CONSUME(T.Greater) },
      { ALT: () => this.CONSUME(T.GreaterEqual) },
    ]);
    this.CONSUME(T.PercentLit);
  });

  // ---- causes and channels -----------------------------------------------------------------
  causesBlock = this.RULE('causesBlock', () => {
    this.CONSUME(T.Causes);
    this.CONSUME(T.Newline);
    this.MANY(() => {
      this.OR(this.blockLines([{ ALT: () => this.CONSUME2(T.Newline) }, { ALT: () => this.SUBRULE(this.causeLine) }]));
    });
  });

  causeLine = this.RULE('causeLine', () => {
    this.OR([{ ALT: () => this.CONSUME(T.Counted) }, { ALT: () => this.CONSUME(T.Excluded) }]);
    this.CONSUME(T.HeaderWord);
    this.OPTION(() => this.CONSUME(T.StringLit));
    this.CONSUME(T.Newline);
  });

  channelsBlock = this.RULE('channelsBlock', () => {
    this.CONSUME(T.Reporting);
    this.CONSUME(T.Channels);
    this.CONSUME(T.Newline);
    this.MANY(() => {
      this.OR(
        this.blockLines([
          { ALT: () => this.CONSUME2(T.Newline) },
          { ALT: () => this.SUBRULE(this.officialChannelLine) },
          { ALT: () => this.SUBRULE(this.otherChannelsLine) },
        ]),
      );
    });
  });

  officialChannelLine = this.RULE('officialChannelLine', () => {
    this.CONSUME(T.Official);
    this.CONSUME(T.HeaderWord);
    this.OPTION(() => this.CONSUME(T.StringLit));
    this.CONSUME(T.Newline);
  });

  otherChannelsLine = this.RULE('otherChannelsLine', () => {
    this.CONSUME(T.Other);
    this.CONSUME(T.Channels);
    this.OR([{ ALT: () => this.CONSUME(T.Excluded) }, { ALT: () => this.CONSUME(T.Counted) }]);
    this.CONSUME(T.Newline);
  });

  // ---- maintenance -----------------------------------------------------------------------
  maintenanceBlock = this.RULE('maintenanceBlock', () => {
    this.CONSUME(T.Maintenance);
    this.OPTION(() => this.SUBRULE(this.scope));
    this.CONSUME(T.Newline);
    this.MANY(() => {
      this.OR(
        this.blockLines([
          { ALT: () => this.CONSUME2(T.Newline) },
          { ALT: () => this.SUBRULE(this.windowsLine) },
          { ALT: () => this.SUBRULE(this.hoursLine) },
          { ALT: () => this.SUBRULE(this.noticeLine) },
          { ALT: () => this.SUBRULE(this.acknowledgementLine) },
          { ALT: () => this.SUBRULE(this.downtimeLine) },
          { ALT: () => this.SUBRULE(this.kindsLine) },
          { ALT: () => this.SUBRULE(this.allowanceLine) },
          { ALT: () => this.SUBRULE(this.windowLimitLine) },
        ]),
      );
    });
  });

  windowsLine = this.RULE('windowsLine', () => {
    this.CONSUME(T.Windows);
    this.OPTION(() => {
      this.CONSUME(T.Any);
      this.CONSUME(T.Time);
    });
    this.CONSUME(T.Newline);
  });

  /** `notice at least 48 hours before the start`; per kind: `notice for emergency as much as possible`. */
  noticeLine = this.RULE('noticeLine', () => {
    this.CONSUME(T.Notice);
    this.OPTION3(() => {
      this.CONSUME(T.For);
      this.CONSUME(T.Name);
    });
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.At);
          this.CONSUME(T.Least);
          this.SUBRULE(this.duration);
          this.CONSUME(T.Before);
          this.CONSUME(T.The);
          this.CONSUME(T.Start);
          this.OPTION(() => {
            this.OPTION2(() => this.CONSUME(T.Comma));
            this.SUBRULE(this.via);
          });
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.As);
          this.CONSUME(T.Much);
          this.CONSUME2(T.As);
          this.CONSUME(T.Possible);
        },
      },
    ]);
    this.CONSUME(T.Newline);
  });

  /** `kinds emergency, security`: what maintenance records may say in `kind`. */
  kindsLine = this.RULE('kindsLine', () => {
    this.CONSUME(T.Kinds);
    this.CONSUME(T.Name);
    this.MANY(() => {
      this.CONSUME(T.Comma);
      this.CONSUME2(T.Name);
    });
    this.CONSUME(T.Newline);
  });

  /** `allowance 8 hours per calendar month`: conforming maintenance up to this is not counted; the excess is. */
  allowanceLine = this.RULE('allowanceLine', () => {
    this.CONSUME(T.Allowance);
    this.SUBRULE(this.duration);
    this.SUBRULE(this.perMonth);
    this.CONSUME(T.Newline);
  });

  /** `at most 4 windows per calendar month`: a maintenance beyond them counts in full. */
  windowLimitLine = this.RULE('windowLimitLine', () => {
    this.CONSUME(T.At);
    this.CONSUME(T.Most);
    this.CONSUME(T.NumberLit);
    this.CONSUME(T.Windows);
    this.SUBRULE(this.perMonth);
    this.CONSUME(T.Newline);
  });

  acknowledgementLine = this.RULE('acknowledgementLine', () => {
    this.CONSUME(T.Acknowledgement);
    this.OPTION(() => this.CONSUME(T.Not));
    this.CONSUME(T.Required);
    this.CONSUME(T.Newline);
  });

  downtimeLine = this.RULE('downtimeLine', () => {
    this.OPTION(() => this.CONSUME(T.Not));
    this.CONSUME(T.Counted);
    this.CONSUME(T.As);
    this.CONSUME(T.Downtime);
    this.CONSUME(T.Newline);
  });

  // ---- availability, reliability ---------------------------------------------------------
  availabilityBlock = this.RULE('availabilityBlock', () => {
    this.CONSUME(T.Availability);
    this.OPTION(() => this.SUBRULE(this.scope));
    this.CONSUME(T.Newline);
    this.MANY(() => {
      this.OR(
        this.blockLines([
          { ALT: () => this.CONSUME2(T.Newline) },
          { ALT: () => this.SUBRULE(this.availabilityTargetLine) },
          { ALT: () => this.SUBRULE(this.measuredLine) },
          { ALT: () => this.SUBRULE(this.minimumDowntimeLine) },
          { ALT: () => this.SUBRULE(this.errorRateLine) },
          { ALT: () => this.SUBRULE(this.onlyWithSetupLine) },
          { ALT: () => this.SUBRULE(this.countedDuringLine) },
        ]),
      );
    });
  });

  /** `target 99.0% per calendar quarter`; a target of its own hours: `target 99.0% per calendar year, counted during business hours`. */
  availabilityTargetLine = this.RULE('availabilityTargetLine', () => {
    this.CONSUME(T.Target);
    this.CONSUME(T.PercentLit);
    this.SUBRULE(this.perPeriod);
    this.OPTION(() => {
      this.CONSUME(T.Comma);
      this.CONSUME(T.Counted);
      this.CONSUME(T.During);
      this.CONSUME(T.HeaderWord);
      this.CONSUME(T.Hours);
    });
    this.CONSUME(T.Newline);
  });

  /** `per calendar month`, `per calendar quarter`, `per fiscal quarter`, `per calendar year`, `per fiscal year`. */
  perPeriod = this.RULE('perPeriod', () => {
    this.CONSUME(T.Per);
    this.OR([{ ALT: () => this.CONSUME(T.Calendar) }, { ALT: () => this.CONSUME(T.Fiscal) }]);
    this.OR2([{ ALT: () => this.CONSUME(T.Month) }, { ALT: () => this.CONSUME(T.Quarter) }, { ALT: () => this.CONSUME(T.Year) }]);
  });

  /** `periods in UTC+02:00` (or an IANA zone): where months, quarters and years begin, when not the contract's zone. */
  periodsStmt = this.RULE('periodsStmt', () => {
    this.CONSUME(T.Periods);
    this.CONSUME(T.In);
    this.OR([{ ALT: () => this.CONSUME(T.UtcOffsetLit) }, ...this.zoneNameAlternatives()]);
    this.CONSUME(T.Newline);
  });

  /** `fiscal year starts february`: fiscal quarters and years begin on the 1st of that month. */
  fiscalYearStmt = this.RULE('fiscalYearStmt', () => {
    this.CONSUME(T.Fiscal);
    this.CONSUME(T.Year);
    this.CONSUME(T.Starts);
    this.CONSUME(T.Name);
    this.OPTION(() => this.CONSUME(T.NumberLit));
    this.CONSUME(T.Newline);
  });

  perMonth = this.RULE('perMonth', () => {
    this.CONSUME(T.Per);
    this.CONSUME(T.Calendar);
    this.CONSUME(T.Month);
  });

  measuredLine = this.RULE('measuredLine', () => {
    this.CONSUME(T.Measured);
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.As);
          this.CONSUME(T.Exact);
          this.CONSUME(T.Time);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.In);
          this.OR2([
            {
              ALT: () => {
                this.CONSUME(T.Slots);
                this.CONSUME(T.Of);
                this.SUBRULE(this.duration);
              },
            },
            {
              ALT: () => {
                this.OR3([{ ALT: () => this.CONSUME(T.Full) }, { ALT: () => this.CONSUME(T.Started) }]);
                this.CONSUME(T.Minutes);
              },
            },
          ]);
        },
      },
    ]);
    this.CONSUME(T.Newline);
  });

  /** `counted during business hours`: only the business hours of that calendar are measured. */
  countedDuringLine = this.RULE('countedDuringLine', () => {
    this.CONSUME(T.Counted);
    this.CONSUME(T.During);
    this.CONSUME(T.HeaderWord);
    this.CONSUME(T.Hours);
    this.CONSUME(T.Newline);
  });

  /** `only with setup multi-zone`: the target applies only while the customer has that setup. */
  onlyWithSetupLine = this.RULE('onlyWithSetupLine', () => {
    this.CONSUME(T.Only);
    this.CONSUME(T.With);
    this.CONSUME(T.Setup);
    this.CONSUME(T.Name);
    this.CONSUME(T.Newline);
  });

  /** `setups`, then one line each: `multi-zone "hosts in three availability zones"`. */
  setupsBlock = this.RULE('setupsBlock', () => {
    this.CONSUME(T.Setups);
    this.CONSUME(T.Newline);
    this.MANY(() => {
      this.OR(this.blockLines([{ ALT: () => this.CONSUME2(T.Newline) }, { ALT: () => this.SUBRULE(this.setupLine) }]));
    });
  });

  setupLine = this.RULE('setupLine', () => {
    this.CONSUME(T.Name);
    this.OPTION(() => this.CONSUME(T.StringLit));
    this.CONSUME(T.Newline);
  });

  /** `minimum downtime period 5 minutes`: shorter outages do not count. */
  minimumDowntimeLine = this.RULE('minimumDowntimeLine', () => {
    this.CONSUME(T.Minimum);
    this.CONSUME(T.Downtime);
    this.CONSUME(T.Period);
    this.SUBRULE(this.duration);
    this.CONSUME(T.Newline);
  });

  /** `downtime when more than 5% of requests fail in a minute, with at least 10 requests` (or `in 5 minutes`). */
  errorRateLine = this.RULE('errorRateLine', () => {
    this.CONSUME(T.Downtime);
    this.CONSUME(T.When);
    this.CONSUME(T.More);
    this.CONSUME(T.Than);
    this.CONSUME(T.PercentLit);
    this.CONSUME(T.Of);
    this.CONSUME(T.Requests);
    this.CONSUME(T.Fail);
    this.CONSUME(T.In);
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.A);
          this.CONSUME(T.Minutes);
        },
      },
      { ALT: () => this.SUBRULE(this.duration) },
    ]);
    this.OPTION(() => {
      this.OPTION2(() => this.CONSUME(T.Comma));
      this.CONSUME(T.With);
      this.CONSUME(T.At);
      this.CONSUME(T.Least);
      this.CONSUME(T.NumberLit);
      this.CONSUME2(T.Requests);
    });
    this.CONSUME(T.Newline);
  });

  reliabilityStmt = this.RULE('reliabilityStmt', () => {
    this.CONSUME(T.Reliability);
    this.CONSUME(T.At);
    this.CONSUME(T.Most);
    this.CONSUME(T.NumberLit);
    this.CONSUME(T.Counted);
    this.CONSUME(T.Incidents);
    this.SUBRULE(this.perPeriod);
    this.CONSUME(T.Newline);
  });

  // ---- credits ---------------------------------------------------------------------------
  creditsBlock = this.RULE('creditsBlock', () => {
    this.CONSUME(T.Credits);
    this.OPTION(() => this.SUBRULE(this.scope));
    this.CONSUME(T.Newline);
    this.MANY(() => {
      this.OR(
        this.blockLines([
          { ALT: () => this.CONSUME2(T.Newline) },
          { ALT: () => this.SUBRULE(this.basisLine) },
          { ALT: () => this.SUBRULE(this.tableRow) },
          { ALT: () => this.SUBRULE(this.linearCreditLine) },
          { ALT: () => this.SUBRULE(this.capLine) },
          { ALT: () => this.SUBRULE(this.claimLine) },
          { ALT: () => this.SUBRULE(this.paymentLine) },
          { ALT: () => this.SUBRULE(this.withheldLine) },
          { ALT: () => this.SUBRULE(this.stackingLine) },
          { ALT: () => this.SUBRULE(this.expireLine) },
        ]),
      );
    });
  });

  /** `basis "invoiced value of the affected service"` (free text), or `basis monthly charge of the service` (or `of the group`). */
  basisLine = this.RULE('basisLine', () => {
    this.CONSUME(T.Basis);
    this.OR([{ ALT: () => this.CONSUME(T.StringLit) }, { ALT: () => this.AT_LEAST_ONE(() => this.CONSUME(T.HeaderWord)) }]);
    this.CONSUME(T.Newline);
  });

  /** `5% for each started 1% below target`, or a credit for missed targets: `20% when more than 4 incidents ... miss their response target per fiscal quarter`. */
  linearCreditLine = this.RULE('linearCreditLine', () => {
    this.CONSUME(T.PercentLit);
    // OR4: the tail's own OR is the rule's first.
    this.OR4([{ ALT: () => this.linearTail() }, { ALT: () => this.SUBRULE(this.missedTargetsTail) }]);
    this.CONSUME(T.Newline);
  });

  /** `when more than 4 incidents of severity urgent, high miss their response target per fiscal quarter`. */
  missedTargetsTail = this.RULE('missedTargetsTail', () => {
    this.CONSUME(T.When);
    this.CONSUME(T.More);
    this.CONSUME(T.Than);
    this.CONSUME(T.NumberLit);
    this.CONSUME(T.Incidents);
    this.OPTION(() => {
      this.CONSUME(T.Of);
      this.CONSUME(T.HeaderWord);
      this.CONSUME2(T.HeaderWord);
      this.MANY(() => {
        this.OR([{ ALT: () => this.CONSUME(T.Comma) }, { ALT: () => this.CONSUME(T.Or) }]);
        this.CONSUME3(T.HeaderWord);
      });
    });
    this.CONSUME(T.Miss);
    this.CONSUME(T.Their);
    this.OR2([{ ALT: () => this.CONSUME(T.Response) }, { ALT: () => this.CONSUME(T.Restoration) }, { ALT: () => this.CONSUME(T.Resolution) }]);
    this.CONSUME(T.Target);
    this.SUBRULE(this.perPeriod);
  });

  private linearTail(): void {
    this.CONSUME(T.For);
    this.CONSUME(T.Each);
    this.OPTION(() => {
      this.OR([{ ALT: () => this.CONSUME(T.Started) }, { ALT: () => this.CONSUME(T.Full) }]);
    });
    this.CONSUME2(T.PercentLit);
    this.CONSUME(T.Below);
    this.CONSUME(T.Target);
    this.OPTION2(() => {
      this.OPTION3(() => this.CONSUME(T.Comma));
      this.CONSUME(T.Pro);
      this.CONSUME(T.Rata);
    });
  }

  /** `at most 50%`, `at most 100% per calendar month`, `at most 10000.00 EUR per rolling 12 months`. */
  capLine = this.RULE('capLine', () => {
    this.CONSUME(T.At);
    this.CONSUME(T.Most);
    this.OR([
      { ALT: () => this.CONSUME(T.PercentLit) },
      {
        ALT: () => {
          this.CONSUME(T.NumberLit);
          this.CONSUME(T.Name);
        },
      },
    ]);
    this.OPTION(() => {
      this.CONSUME(T.Per);
      this.AT_LEAST_ONE(() => {
        this.OR2([{ ALT: () => this.CONSUME(T.HeaderWord) }, { ALT: () => this.CONSUME2(T.NumberLit) }]);
      });
    });
    this.CONSUME(T.Newline);
  });

  // ---- money ---------------------------------------------------------------------------
  /** `paid on the next invoice`, `paid within 30 days`. */
  paymentLine = this.RULE('paymentLine', () => {
    this.CONSUME(T.Paid);
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Within);
          this.SUBRULE(this.duration);
        },
        IGNORE_AMBIGUITIES: true,
      },
      { ALT: () => this.AT_LEAST_ONE(() => this.CONSUME(T.HeaderWord)) },
    ]);
    this.CONSUME(T.Newline);
  });

  /** `no stacking` (only the highest of a month's credits is paid) or `several credits add up`. */
  stackingLine = this.RULE('stackingLine', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.No);
          this.CONSUME(T.Stacking);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Several);
          this.CONSUME(T.Credits);
          this.CONSUME(T.Add);
          this.CONSUME(T.Up);
        },
      },
    ]);
    this.CONSUME(T.Newline);
  });

  /** `expire at termination`: credits not paid by the termination date are lost. */
  expireLine = this.RULE('expireLine', () => {
    this.CONSUME(T.Expire);
    this.CONSUME(T.At);
    this.CONSUME(T.Termination);
    this.CONSUME(T.Newline);
  });

  /** `termination 2026-06-30`: the agreement ends on that date. */
  terminationStmt = this.RULE('terminationStmt', () => {
    this.CONSUME(T.Termination);
    this.CONSUME(T.DateLit);
    this.CONSUME(T.Newline);
  });

  /** `withheld while invoices are unpaid`. */
  withheldLine = this.RULE('withheldLine', () => {
    this.CONSUME(T.Withheld);
    this.AT_LEAST_ONE(() => this.CONSUME(T.HeaderWord));
    this.CONSUME(T.Newline);
  });

  /** `currency EUR`, `currency EUR, rounded half-even to the minor unit`. */
  currencyStmt = this.RULE('currencyStmt', () => {
    this.CONSUME(T.Currency);
    this.CONSUME(T.Name);
    this.OPTION(() => {
      this.OPTION2(() => this.CONSUME(T.Comma));
      this.CONSUME(T.Rounded);
      this.AT_LEAST_ONE(() => this.CONSUME(T.HeaderWord));
    });
    this.CONSUME(T.Newline);
  });

  /** `report monthly within 10 business days after the month ends, missing counts as a default`. */
  reportStmt = this.RULE('reportStmt', () => {
    this.CONSUME(T.Report);
    this.CONSUME(T.HeaderWord);
    this.CONSUME(T.Within);
    this.SUBRULE(this.duration);
    this.CONSUME(T.After);
    this.AT_LEAST_ONE(() => this.CONSUME2(T.HeaderWord));
    this.OPTION(() => {
      this.CONSUME(T.Comma);
      this.AT_LEAST_ONE2(() => this.CONSUME3(T.HeaderWord));
    });
    this.CONSUME(T.Newline);
  });

  claimLine = this.RULE('claimLine', () => {
    this.CONSUME(T.Claim);
    this.CONSUME(T.Within);
    this.SUBRULE(this.duration);
    this.CONSUME(T.After);
    this.AT_LEAST_ONE(() => this.CONSUME(T.HeaderWord));
    this.CONSUME(T.Newline);
  });

  // ---- support: regions, pause reasons, clocks, updates ----------------------------------
  regionsBlock = this.RULE('regionsBlock', () => {
    this.CONSUME(T.Regions);
    this.CONSUME(T.Newline);
    this.MANY(() => {
      this.OR(this.blockLines([{ ALT: () => this.CONSUME2(T.Newline) }, { ALT: () => this.SUBRULE(this.regionLine) }]));
    });
  });

  regionLine = this.RULE('regionLine', () => {
    this.CONSUME(T.Name);
    this.OPTION(() => this.CONSUME(T.StringLit));
    this.OPTION2(() => {
      this.CONSUME(T.Calendar);
      this.CONSUME(T.HeaderWord);
    });
    // `zones Asia/Tokyo, Asia/Seoul`: a record giving the customer's zone is of this region.
    this.OPTION3(() => {
      this.CONSUME(T.Zones);
      this.SUBRULE(this.zoneName);
      this.MANY(() => {
        this.CONSUME(T.Comma);
        this.SUBRULE2(this.zoneName);
      });
    });
    this.CONSUME(T.Newline);
  });

  /** `environments`, then one line each: `production "Production"`. */
  environmentsBlock = this.RULE('environmentsBlock', () => {
    this.CONSUME(T.Environments);
    this.CONSUME(T.Newline);
    this.MANY(() => {
      this.OR(this.blockLines([{ ALT: () => this.CONSUME2(T.Newline) }, { ALT: () => this.SUBRULE(this.environmentLine) }]));
    });
  });

  environmentLine = this.RULE('environmentLine', () => {
    this.CONSUME(T.Name);
    this.OPTION(() => this.CONSUME(T.StringLit));
    this.CONSUME(T.Newline);
  });

  /** `for environment production`, `for channel phone`, `for region japan`, `for service compute (part read)` after `targets`. */
  targetScope = this.RULE('targetScope', () => {
    this.CONSUME(T.For);
    this.OR([
      { ALT: () => this.CONSUME(T.Environment) },
      { ALT: () => this.CONSUME(T.Channel) },
      { ALT: () => this.CONSUME(T.Region) },
      { ALT: () => this.CONSUME(T.Service) },
    ]);
    this.CONSUME(T.Name);
    this.OPTION(() => {
      this.CONSUME(T.Part);
      this.CONSUME2(T.Name);
    });
  });

  pauseReasonsBlock = this.RULE('pauseReasonsBlock', () => {
    this.CONSUME(T.Pause);
    this.CONSUME(T.Reasons);
    this.CONSUME(T.Newline);
    this.MANY(() => {
      this.OR(this.blockLines([{ ALT: () => this.CONSUME2(T.Newline) }, { ALT: () => this.SUBRULE(this.pauseReasonLine) }]));
    });
  });

  pauseReasonLine = this.RULE('pauseReasonLine', () => {
    this.CONSUME(T.Name);
    this.OPTION(() => this.CONSUME(T.StringLit));
    this.CONSUME(T.Newline);
  });

  clocksBlock = this.RULE('clocksBlock', () => {
    this.CONSUME(T.Clocks);
    this.CONSUME(T.Newline);
    // A clock line starts with an objective keyword, which also starts a target clause: the word
    // after it tells the two apart (`response starts at ...` vs `response targets`).
    this.MANY({
      GATE: () => !OBJECTIVE_TOKENS.has(this.LA(1).tokenType) || CLOCK_WORDS.has(this.LA(2).tokenType),
      DEF: () => {
        this.OR(this.blockLines([{ ALT: () => this.CONSUME2(T.Newline) }, { ALT: () => this.SUBRULE(this.clockLine) }]));
      },
    });
  });

  clockLine = this.RULE('clockLine', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.Response) },
      { ALT: () => this.CONSUME(T.Restoration) },
      { ALT: () => this.CONSUME(T.Resolution) },
      { ALT: () => this.CONSUME(T.Update) },
    ]);
    this.SUBRULE(this.clockPart);
    this.MANY(() => {
      this.CONSUME(T.Comma);
      this.SUBRULE2(this.clockPart);
    });
    this.CONSUME(T.Newline);
  });

  clockPart = this.RULE('clockPart', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Starts);
          this.CONSUME(T.At);
          this.CONSUME(T.HeaderWord);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Never);
          this.CONSUME(T.Pauses);
        },
      },
      {
        ALT: () => {
          this.CONSUME2(T.Pauses);
          this.OR2([
            {
              ALT: () => {
                this.CONSUME(T.While);
                this.CONSUME2(T.HeaderWord);
                this.MANY(() => {
                  this.CONSUME(T.Or);
                  this.CONSUME3(T.HeaderWord);
                });
              },
            },
            {
              ALT: () => {
                this.CONSUME(T.On);
                this.CONSUME4(T.HeaderWord);
                this.CONSUME(T.Time);
                this.CONSUME(T.Only);
              },
            },
          ]);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Reopened);
          this.OR3([
            {
              ALT: () => {
                this.CONSUME2(T.Starts);
                this.CONSUME(T.A);
                this.CONSUME(T.New);
                this.CONSUME(T.Cycle);
              },
            },
            {
              ALT: () => {
                this.CONSUME(T.Continues);
                this.CONSUME(T.The);
                this.CONSUME(T.Clock);
              },
            },
          ]);
        },
      },
    ]);
  });

  /** `update every 8 hours until restored for severity urgent, high`: a recurring objective. */
  updateStmt = this.RULE('updateStmt', () => {
    this.CONSUME(T.Update);
    this.CONSUME(T.Every);
    this.SUBRULE(this.duration);
    this.CONSUME(T.Until);
    this.CONSUME(T.HeaderWord);
    this.OPTION(() => {
      this.CONSUME(T.For);
      this.CONSUME2(T.HeaderWord);
      this.CONSUME3(T.HeaderWord);
      this.MANY(() => {
        this.CONSUME(T.Comma);
        this.CONSUME4(T.HeaderWord);
      });
    });
    this.CONSUME(T.Newline);
  });

  // ---- services ------------------------------------------------------------------------
  servicesBlock = this.RULE('servicesBlock', () => {
    this.CONSUME(T.Services);
    this.CONSUME(T.Newline);
    this.MANY(() => {
      this.OR(
        this.blockLines([
          { ALT: () => this.CONSUME2(T.Newline) },
          // A line starting with `part` is a part (a service cannot be called `part`).
          { ALT: () => this.SUBRULE(this.partLine), IGNORE_AMBIGUITIES: true },
          { ALT: () => this.SUBRULE(this.serviceLine) },
        ]),
      );
    });
  });

  /** `compute "Compute Cloud" group infrastructure` */
  serviceLine = this.RULE('serviceLine', () => {
    this.CONSUME(T.Name);
    this.OPTION(() => this.CONSUME(T.StringLit));
    this.OPTION2(() => {
      this.CONSUME(T.Group);
      this.CONSUME2(T.Name);
    });
    this.CONSUME(T.Newline);
  });

  /** `part read "DB cluster, read"`, under the service it belongs to. */
  partLine = this.RULE('partLine', () => {
    this.CONSUME(T.Part);
    this.CONSUME(T.Name);
    this.OPTION(() => this.CONSUME(T.StringLit));
    this.CONSUME(T.Newline);
  });

  /** `for service compute`, `for service mdb part read`, `for group databases` after a block's keyword. */
  scope = this.RULE('scope', () => {
    this.CONSUME(T.For);
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Service);
          this.CONSUME(T.Name);
          this.OPTION(() => {
            this.CONSUME(T.Part);
            this.CONSUME2(T.Name);
          });
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Group);
          this.CONSUME3(T.Name);
        },
      },
    ]);
  });

  // ---- prose -----------------------------------------------------------------------------
  noteBlock = this.RULE('noteBlock', () => {
    this.OR([{ ALT: () => this.CONSUME(T.Note) }, { ALT: () => this.CONSUME(T.Clause) }]);
    this.CONSUME(T.StringLit);
    this.OR2([{ ALT: () => this.CONSUME(T.TripleString) }, { ALT: () => this.CONSUME2(T.StringLit) }]);
    this.CONSUME(T.Newline);
  });
}

let parser: SlacParser | undefined;

export function getParser(): SlacParser {
  parser ??= new SlacParser();
  return parser;
}

/** A parser of its own, for a caller that changes how it reads tokens (language/incremental.ts). */
export function createParser(): SlacParser {
  return new SlacParser();
}

/** Builds the parser with Chevrotain's grammar validations on: throws if the grammar is ambiguous. */
export function validateGrammar(): void {
  new SlacParser(true);
}

export interface ParseCstResult {
  cst: CstNode;
  errors: { token: IToken; message: string; name: string; previousToken?: IToken; ruleStack: string[] }[];
}

export function parseTokens(tokens: IToken[]): ParseCstResult {
  const p = getParser();
  p.input = tokens;
  const cst = p.contractFile();
  const errors = p.errors.map((e) => ({
    token: e.token,
    message: e.message,
    name: e.name,
    previousToken: (e as unknown as { previousToken?: IToken }).previousToken,
    ruleStack: e.context?.ruleStack ?? [],
  }));
  return { cst, errors };
}

export type { SlacParser };
