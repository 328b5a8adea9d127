import { expectArity } from '../args';
import { applyListOptions, filterItems, parseListOptions, type ListSpec } from '../filters';
import type { XmlValue } from '../xmlrpc/values';
import type { RecordKinds } from '../state/store';
import { owned, type CallContext, type MethodDef, type OwnedKind } from './context';

type Struct = { [key: string]: XmlValue };

/** `x.list(apikey[, options])` and `x.count(apikey[, options])` over the same items and spec. */
export function listAndCount(
  specOf: ListSpec | ((ctx: CallContext) => ListSpec),
  items: (ctx: CallContext) => Struct[],
): { list: MethodDef; count: MethodDef } {
  const specFor = (ctx: CallContext) => (typeof specOf === 'function' ? specOf(ctx) : specOf);
  return {
    list: {
      handler: (ctx) => {
        expectArity(ctx.method, ctx.args, 0, 1);
        const options = parseListOptions(ctx.args[0], specFor(ctx), false);
        return applyListOptions(items(ctx), options);
      },
    },
    count: {
      handler: (ctx) => {
        expectArity(ctx.method, ctx.args, 0, 1);
        const options = parseListOptions(ctx.args[0], specFor(ctx), true);
        return filterItems(items(ctx), options).length;
      },
    },
  };
}

/** `x.info(apikey, id)`: the caller's object (another account's answers like a missing one). */
export function ownedInfo<K extends OwnedKind>(
  kind: K,
  argName: string,
  view: (rec: RecordKinds[K], ctx: CallContext) => XmlValue,
): MethodDef {
  return {
    handler: (ctx) => {
      expectArity(ctx.method, ctx.args, 1);
      return view(owned(ctx, kind, ctx.args[0], argName), ctx);
    },
  };
}

export const ID: ListSpec[string] = { type: 'int' };
export const INT: ListSpec[string] = { type: 'int' };
export const STR: ListSpec[string] = { type: 'string' };
export const BOOL: ListSpec[string] = { type: 'bool' };
export const DATE: ListSpec[string] = { type: 'date' };
