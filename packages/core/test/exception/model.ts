// An independent reference model of the exception lifecycle for property tests: a forward
// simulation (events plus timers for valid_from and expires_at), written without the fold's
// declarative status rules, so the two can disagree if either is wrong.
import type { ExceptionStatus } from '@warrant/core';

export interface ModelEvent {
  readonly kind:
    | 'proposed'
    | 'amended'
    | 'renewed'
    | 'approved'
    | 'rejected'
    | 'changes_requested'
    | 'revoked'
    | 'expired';
  readonly t: number; // seconds
  readonly actor: string;
  readonly version: number;
  readonly previous?: number;
  readonly final?: boolean;
  readonly digest?: string;
  readonly content?: {
    readonly digest: string;
    readonly expires: number;
    readonly validFrom?: number;
  };
}

interface MV {
  version: number;
  digest: string;
  expires: number;
  validFrom?: number;
  approvers: Set<string>;
  approvedAt?: number;
  status: ExceptionStatus;
  since: number;
  expiryRecorded: boolean;
}

const LIVE = new Set<ExceptionStatus>(['proposed', 'changes_requested', 'approved', 'active']);

export class LifecycleModel {
  readonly versions: MV[] = [];
  private revoked = false;
  private now = -Infinity;

  /** Runs timers up to and including t: activations first, then expiries, in time order. */
  advance(t: number): void {
    for (;;) {
      let next = Infinity;
      for (const v of this.versions) {
        if (v.status === 'approved') next = Math.min(next, this.eff(v));
        if (LIVE.has(v.status)) next = Math.min(next, v.expires);
      }
      if (next > t) break;
      for (const v of this.versions)
        if (v.status === 'approved' && this.eff(v) === next) this.activate(v, next);
      for (const v of this.versions)
        if (LIVE.has(v.status) && v.expires === next) this.set(v, 'expired', next);
    }
    this.now = Math.max(this.now, t);
  }

  /** Applies an event if the lifecycle allows it; returns whether it did. */
  apply(e: ModelEvent): boolean {
    if (e.t < this.now) return false;
    this.advance(e.t);
    const latest = this.versions[this.versions.length - 1];
    switch (e.kind) {
      case 'proposed': {
        if (latest !== undefined || e.content === undefined || e.content.expires <= e.t)
          return false;
        this.add(e);
        return true;
      }
      case 'amended':
      case 'renewed': {
        if (
          latest === undefined ||
          this.revoked ||
          e.version !== latest.version + 1 ||
          e.content === undefined
        )
          return false;
        if (e.content.expires <= e.t) return false;
        const pending = latest.status === 'proposed' || latest.status === 'changes_requested';
        const la = [...this.versions].reverse().find((v) => v.approvedAt !== undefined);
        let base: MV | undefined;
        if (pending) base = e.kind === 'amended' ? latest : undefined;
        else if (la !== undefined) {
          const ok =
            e.kind === 'amended' ? ['approved', 'active'] : ['approved', 'active', 'expired'];
          if (ok.includes(la.status)) base = la;
        }
        if (base === undefined || e.previous !== base.version) return false;
        if (e.kind === 'renewed' && e.content.expires <= base.expires) return false;
        if (pending) this.set(base, 'superseded', e.t);
        this.add(e);
        return true;
      }
      case 'approved': {
        if (latest === undefined || e.version !== latest.version || latest.status !== 'proposed')
          return false;
        if (latest.approvers.has(e.actor) || e.digest !== latest.digest) return false;
        latest.approvers.add(e.actor);
        if (e.final === true) {
          latest.approvedAt = e.t;
          this.set(latest, 'approved', e.t);
          if (this.eff(latest) <= e.t) this.activate(latest, e.t);
        }
        return true;
      }
      case 'rejected':
      case 'changes_requested': {
        if (latest === undefined || e.version !== latest.version || latest.status !== 'proposed')
          return false;
        this.set(latest, e.kind, e.t);
        return true;
      }
      case 'revoked': {
        if (latest === undefined || this.revoked || e.version !== latest.version) return false;
        const live = this.versions.filter((v) => LIVE.has(v.status));
        if (live.length === 0) return false;
        for (const v of live) this.set(v, 'revoked', e.t);
        this.revoked = true;
        return true;
      }
      case 'expired': {
        const v = this.versions[e.version - 1];
        if (v === undefined || v.status !== 'expired' || v.expiryRecorded) return false;
        v.expiryRecorded = true;
        return true;
      }
    }
  }

  private add(e: ModelEvent): void {
    const c = e.content as NonNullable<ModelEvent['content']>;
    this.versions.push({
      version: e.version,
      digest: c.digest,
      expires: c.expires,
      ...(c.validFrom === undefined ? {} : { validFrom: c.validFrom }),
      approvers: new Set(),
      status: 'proposed',
      since: e.t,
      expiryRecorded: false,
    });
  }

  private eff(v: MV): number {
    return Math.max(v.approvedAt ?? Infinity, v.validFrom ?? -Infinity);
  }

  private activate(w: MV, t: number): void {
    for (const v of this.versions) {
      if (v.version < w.version && (v.status === 'approved' || v.status === 'active'))
        this.set(v, 'superseded', t);
    }
    this.set(w, 'active', t);
  }

  private set(v: MV, status: ExceptionStatus, t: number): void {
    v.status = status;
    v.since = t;
  }
}
