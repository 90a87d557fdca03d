import { Children, cloneElement, isValidElement, type HTMLAttributes, type ReactElement, type ReactNode, type TdHTMLAttributes, type ThHTMLAttributes } from "react";
import { cn } from "@/lib/utils";

type Element = ReactElement<{ children?: ReactNode }>;

function elements(children: ReactNode): Element[] {
  return Children.toArray(children).filter(isValidElement) as Element[];
}

/** The column headings of the table's <thead> (its last row), in column order. */
function headings(children: ReactNode): ReactNode[] {
  const head = elements(children).find((child) => child.type === "thead");
  const rows = head ? elements(head.props.children) : [];
  const last = rows.at(-1);
  return last ? elements(last.props.children).map((cell) => (cell.type === Th ? cell.props.children : null)) : [];
}

/** Gives each body cell its column's heading, shown beside the value when the table is a list of cards. */
function labelCells(children: ReactNode, labels: ReactNode[]): ReactNode {
  if (labels.length === 0) return children;
  return Children.map(children, (section) => {
    if (!isValidElement(section) || section.type !== "tbody") return section;
    const body = section as Element;
    return cloneElement(body, {
      children: Children.map(body.props.children, (row) => {
        if (!isValidElement(row) || row.type !== "tr") return row;
        const tr = row as Element;
        let column = 0;
        return cloneElement(tr, {
          children: Children.map(tr.props.children, (cell) => {
            if (!isValidElement(cell)) return cell;
            const index = column++;
            return cell.type === Td ? cloneElement(cell as ReactElement<TdProps>, { label: labels[index] }) : cell;
          }),
        });
      }),
    });
  });
}

/**
 * The one table of the app. From 640 px up it is a table (scrolling sideways
 * inside its box if it must); below, each row is a card whose cells carry
 * their column's heading, so no column is cut off and no page scrolls sideways.
 */
export function Table({ className, children, ...props }: HTMLAttributes<HTMLTableElement>) {
  return (
    // relative: screen-reader-only text in cells is positioned absolutely and must stay inside the scroller.
    <div className="relative w-full sm:overflow-x-auto">
      <table
        className={cn("ui-table", className)}
        {...props}
      >
        {labelCells(children, headings(children))}
      </table>
    </div>
  );
}

export function Th({ className, ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return <th scope="col" className={cn("ui-th", className)} {...props} />;
}

type TdProps = TdHTMLAttributes<HTMLTableCellElement> & {
  /** The column's heading, set by Table; shown before the value on a phone. */
  label?: ReactNode;
};

export function Td({ className, label, children, ...props }: TdProps) {
  return (
    <td
      className={cn("ui-td", className)}
      {...props}
    >
      {label ? <span className="ui-td-label">{label}</span> : null}
      {label ? <span className="ui-td-value">{children}</span> : children}
    </td>
  );
}
